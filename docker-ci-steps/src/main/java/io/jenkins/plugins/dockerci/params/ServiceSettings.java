package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.engine.services.ServiceSpec;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One service of a {@code dockerTest} (or {@code dockerServices}) as resolved on the controller; {@link #toSpec()}
 * makes the engine's spec on the agent. Validated when built with the engine's checks.
 *
 * @param alias                the name the tests reach it by, and its template name ({@code ${db.host}})
 * @param image                the service image
 * @param aliases              more network aliases
 * @param env                  the service's environment
 * @param command              the command, or {@code null} for the image's
 * @param ports                the ports it offers, empty for the image's EXPOSE
 * @param readiness            how it tells it is ready, or {@code null} for the engine's default
 * @param startupTimeoutMillis the readiness limit
 * @param dependsOn            aliases of services that must be ready first
 * @param pull                 when the image is pulled from its registry
 */
public record ServiceSettings(String alias, String image, List<String> aliases, Map<String, String> env, CommandSpec command,
                              List<Integer> ports, ReadinessSettings readiness, long startupTimeoutMillis,
                              List<String> dependsOn, PullPolicy pull) implements Serializable {

    /** The default startup (readiness) limit. */
    public static final Duration DEFAULT_TIMEOUT = ServiceSpec.DEFAULT_STARTUP_TIMEOUT;

    public ServiceSettings {
        image = FormText.blankToNull(image);
        aliases = Jep200.list(aliases == null ? List.of() : aliases);
        alias = FormText.blankToNull(alias);
        if (alias == null && !aliases.isEmpty()) {
            alias = aliases.get(0);
            aliases = Jep200.list(aliases.subList(1, aliases.size()));
        }
        env = Jep200.map(env == null ? Map.of() : env);
        ports = Jep200.list(ports == null ? List.of() : ports);
        dependsOn = Jep200.list(dependsOn == null ? List.of() : dependsOn);
        if (alias == null) {
            throw new InvalidRequestException(Messages.ServiceSettings_noAlias(image));
        }
        if (image == null) {
            throw new InvalidRequestException(Messages.ServiceSettings_noImage(alias));
        }
        pull = pull == null ? PullPolicy.MISSING : pull;
        spec(alias, image, aliases, env, command, ports, readiness, startupTimeoutMillis, dependsOn, pull);
    }

    /** The engine's spec. */
    public ServiceSpec toSpec() {
        return spec(alias, image, aliases, env, command, ports, readiness, startupTimeoutMillis, dependsOn, pull);
    }

    private static ServiceSpec spec(String alias, String image, List<String> aliases, Map<String, String> env,
                                    CommandSpec command, List<Integer> ports, ReadinessSettings readiness,
                                    long startupTimeoutMillis, List<String> dependsOn, PullPolicy pull) {
        try {
            ServiceSpec.Builder spec = ServiceSpec.builder(alias, image)
                    .pull(pull)
                    .alias(aliases.toArray(String[]::new))
                    .env(env)
                    .expose(ports.stream().mapToInt(Integer::intValue).toArray())
                    .startupTimeout(Duration.ofMillis(startupTimeoutMillis))
                    .dependsOn(dependsOn.toArray(String[]::new));
            if (command != null) {
                spec.command(command.toCommand());
            }
            if (readiness != null) {
                spec.waitingFor(readiness.toStrategy());
            }
            return spec.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("services[" + alias + "]: " + e.getMessage());
        }
    }
}
