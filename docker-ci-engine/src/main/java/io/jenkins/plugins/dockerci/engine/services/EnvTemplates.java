package io.jenkins.plugins.dockerci.engine.services;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A set of env templates, checked against the service specs before anything starts and resolved once the
 * services run.
 */
public final class EnvTemplates {

    private final List<EnvTemplate> templates;

    private EnvTemplates(List<EnvTemplate> templates) {
        this.templates = templates;
    }

    /** Parses variable name to template; malformed references are an {@link InvalidRequestException}. */
    public static EnvTemplates parse(Map<String, String> templates) {
        return new EnvTemplates(templates.entrySet().stream().map(e -> EnvTemplate.parse(e.getKey(), e.getValue())).toList());
    }

    /**
     * Rejects references to services, ports or variables the specs do not declare.
     *
     * @throws InvalidRequestException naming the variable, the reference and what is available
     */
    public void validateAgainst(Collection<ServiceSpec> specs) {
        Map<String, ServiceSpec> byName = specs.stream().collect(Collectors.toMap(ServiceSpec::name, Function.identity()));
        for (EnvTemplate template : templates) {
            for (TemplateReference ref : template.references()) {
                ServiceSpec spec = byName.get(ref.service());
                if (spec == null) {
                    throw unknown(template, ref, "there is no service '" + ref.service() + "'; services: " + byName.keySet());
                }
                validate(template, ref, spec);
            }
        }
    }

    private static void validate(EnvTemplate template, TemplateReference ref, ServiceSpec spec) {
        switch (ref.property()) {
            case PORT, HOST_PORT -> {
                // without declared ports the image's EXPOSE decides, which is checked once the image is inspected
                if (!spec.exposedPorts().isEmpty() && !spec.exposedPorts().contains(Integer.parseInt(ref.argument()))) {
                    throw unknown(template, ref, "service '" + spec.name() + "' does not expose port " + ref.argument()
                            + "; exposed ports: " + spec.exposedPorts());
                }
                if (ref.property() == TemplateReference.Property.HOST_PORT && !spec.publishPorts()) {
                    throw unknown(template, ref, "service '" + spec.name() + "' does not publish its ports; set publishPorts");
                }
            }
            case ENV -> {
                if (!spec.env().containsKey(ref.argument())) {
                    throw unknown(template, ref, "service '" + spec.name() + "' has no variable " + ref.argument()
                            + " in its environment; variables: " + spec.env().keySet().stream().sorted().toList());
                }
            }
            default -> {
                // host and ip exist for every service
            }
        }
    }

    private static InvalidRequestException unknown(EnvTemplate template, TemplateReference ref, String why) {
        return new InvalidRequestException("Env template " + template.variable() + " refers to ${" + ref.text() + "}, but " + why
                + ". Fix the template or the service definition.");
    }

    /** The variables as seen from a container on the services' network: {@code ${db.host}} is {@code db}. */
    public Map<String, String> resolve(Map<String, ServiceCoordinates> services) {
        return resolve(services, false);
    }

    /**
     * The variables as seen from the Docker host, through the ports published on 127.0.0.1: {@code ${db.host}} is
     * {@code 127.0.0.1} and {@code ${db.port.5432}} the published port. The services must publish their ports.
     */
    public Map<String, String> resolveForHost(Map<String, ServiceCoordinates> services) {
        return resolve(services, true);
    }

    private Map<String, String> resolve(Map<String, ServiceCoordinates> services, boolean fromHost) {
        Map<String, String> out = new LinkedHashMap<>();
        for (EnvTemplate template : templates) {
            out.put(template.variable(), template.resolve(ref -> value(ref, services.get(ref.service()), fromHost)));
        }
        return out;
    }

    private static String value(TemplateReference ref, ServiceCoordinates service, boolean fromHost) {
        if (service == null) {
            throw new IllegalStateException("no running service '" + ref.service() + "' for ${" + ref.text() + "}");
        }
        if (fromHost && ref.property() == TemplateReference.Property.HOST) {
            return ServiceCoordinates.LOOPBACK;
        }
        if (fromHost && ref.property() == TemplateReference.Property.PORT) {
            return Integer.toString(service.hostPort(Integer.parseInt(ref.argument())));
        }
        return switch (ref.property()) {
            case HOST -> service.host();
            case IP -> service.ipAddress();
            case PORT -> {
                if (!service.exposedPorts().contains(Integer.parseInt(ref.argument()))) {
                    throw new InvalidRequestException("${" + ref.text() + "} refers to port " + ref.argument() + ", but service '"
                            + service.name() + "' exposes " + service.exposedPorts() + ". Declare the port on the service or fix the template.");
                }
                yield ref.argument();
            }
            case HOST_PORT -> Integer.toString(service.hostPort(Integer.parseInt(ref.argument())));
            case ENV -> service.env().get(ref.argument());
        };
    }

    /** The variable names, in order. */
    public List<String> variables() {
        return templates.stream().map(EnvTemplate::variable).toList();
    }
}
