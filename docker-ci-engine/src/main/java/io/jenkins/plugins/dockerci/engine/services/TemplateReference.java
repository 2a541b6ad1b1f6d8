package io.jenkins.plugins.dockerci.engine.services;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.util.Objects;

/**
 * One {@code ${service.property}} reference inside an env template.
 *
 * @param text     the reference as written, without {@code ${ }}, for messages
 * @param service  the service's name
 * @param property what of the service
 * @param argument the port number or variable name for {@link Property#PORT}, {@link Property#HOST_PORT},
 *                 {@link Property#ENV}; empty otherwise
 */
public record TemplateReference(String text, String service, Property property, String argument) {

    /** What a reference can resolve to. */
    public enum Property {
        /** {@code ${db.host}}: the service's host name on the service network. */
        HOST,
        /** {@code ${db.ip}}: the service's IP address on the service network. */
        IP,
        /** {@code ${db.port.5432}}: a container port (the same number; validates that the service exposes it). */
        PORT,
        /** {@code ${db.hostPort.5432}}: the port on 127.0.0.1 of the Docker host that a published port maps to. */
        HOST_PORT,
        /** {@code ${db.env.POSTGRES_DB}}: a variable from the service spec's environment. */
        ENV
    }

    public TemplateReference {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(argument, "argument");
    }

    /** Parses {@code text} (the inside of {@code ${...}}) found in the template of {@code variable}. */
    static TemplateReference parse(String variable, String text) {
        String[] parts = text.split("\\.", 3);
        if (parts.length >= 2 && !parts[0].isEmpty()) {
            String service = parts[0];
            String arg = parts.length == 3 ? parts[2] : "";
            switch (parts[1]) {
                case "host":
                    return parts.length == 2 ? new TemplateReference(text, service, Property.HOST, "") : invalid(variable, text);
                case "ip":
                    return parts.length == 2 ? new TemplateReference(text, service, Property.IP, "") : invalid(variable, text);
                case "port":
                    return arg.matches("[0-9]{1,5}") ? new TemplateReference(text, service, Property.PORT, arg) : invalid(variable, text);
                case "hostPort":
                    return arg.matches("[0-9]{1,5}") ? new TemplateReference(text, service, Property.HOST_PORT, arg) : invalid(variable, text);
                case "env":
                    return arg.matches("[A-Za-z_][A-Za-z0-9_]*") ? new TemplateReference(text, service, Property.ENV, arg) : invalid(variable, text);
                default:
                    break;
            }
        }
        return invalid(variable, text);
    }

    private static TemplateReference invalid(String variable, String text) {
        throw new InvalidRequestException("Env template " + variable + " contains ${" + text + "}, which is not a valid reference."
                + " Use ${service.host}, ${service.ip}, ${service.port.N}, ${service.hostPort.N} or ${service.env.VAR}"
                + " (write $${ for a literal ${).");
    }
}
