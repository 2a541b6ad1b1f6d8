package io.jenkins.plugins.dockerci.engine.services;

import com.github.dockerjava.api.command.CreateContainerCmd;
import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.engine.services.wait.Wait;
import io.jenkins.plugins.dockerci.engine.services.wait.WaitStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A service container the tests need (a database, a broker): what to run, the names it is reachable by, and how
 * to tell it is ready. Build one with {@link #builder(String, String)}.
 *
 * @param name            the service's name: its first network alias and the prefix in env templates ({@code ${db.host}})
 * @param image           the image reference
 * @param pull            when the image is pulled from its registry, with the run's credentials for it
 *                        ({@link io.jenkins.plugins.dockerci.engine.EngineContext#registries()})
 * @param aliases         further network aliases (the name is always one)
 * @param env             environment variables of the service container
 * @param command         the command, or {@code null} for the image's own
 * @param exposedPorts    the container ports clients use, named in {@code ${name.port.N}} and the legacy link
 *                        variables; empty for the ports the image EXPOSEs
 * @param waitStrategy    how readiness is checked; by default the exposed ports must accept connections (a
 *                        service without ports is ready once it runs)
 * @param startupTimeout  how long the service may take from start to ready
 * @param dependsOn       services that must be ready before this one starts
 * @param publishPorts    also publish the exposed ports on 127.0.0.1 of the Docker host at random ports, for clients
 *                        that run on the host ({@code ${name.hostPort.N}})
 * @param createCmdModifier <b>unstable escape hatch</b>: adjusts the docker-java create command after the engine has
 *                        configured it; it may break with any docker-java upgrade. {@code null} for none
 */
public record ServiceSpec(String name, String image, PullPolicy pull, List<String> aliases, Map<String, String> env,
                          ContainerCommand command, List<Integer> exposedPorts, WaitStrategy waitStrategy, Duration startupTimeout,
                          List<String> dependsOn, boolean publishPorts, Consumer<CreateContainerCmd> createCmdModifier) {

    /** The startup timeout unless set. */
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,252}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("service name '" + name + "' must be 1-63 lower-case letters, digits, '_' or '-',"
                    + " starting with a letter or digit (it is used as a host name and in ${" + "name.host} templates)");
        }
        requireText(image, "image of service '" + name + "'");
        Objects.requireNonNull(pull, "pull");
        aliases = List.copyOf(Objects.requireNonNull(aliases, "aliases"));
        for (String alias : aliases) {
            if (!ALIAS.matcher(alias).matches()) {
                throw new IllegalArgumentException("alias '" + alias + "' of service '" + name + "' is not a valid host name");
            }
        }
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        env.keySet().forEach(k -> {
            if (!ENV_NAME.matcher(k).matches()) {
                throw new IllegalArgumentException("environment variable name '" + k + "' of service '" + name + "' is invalid");
            }
        });
        exposedPorts = List.copyOf(new TreeSet<>(Objects.requireNonNull(exposedPorts, "exposedPorts")));
        for (int port : exposedPorts) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("exposed port " + port + " of service '" + name + "' is not a TCP port (1-65535)");
            }
        }
        Objects.requireNonNull(waitStrategy, "waitStrategy");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startup timeout of service '" + name + "' must be positive, was " + startupTimeout);
        }
        dependsOn = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(dependsOn, "dependsOn")));
        if (dependsOn.contains(name)) {
            throw new IllegalArgumentException("service '" + name + "' cannot depend on itself");
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }

    /** Starts a builder for a service called {@code name} running {@code image}. */
    public static Builder builder(String name, String image) {
        return new Builder(name, image);
    }

    /** The same service, with its ports published on the Docker host's loopback or not. */
    public ServiceSpec withPublishPorts(boolean publish) {
        return new ServiceSpec(name, image, pull, aliases, env, command, exposedPorts, waitStrategy, startupTimeout, dependsOn,
                publish, createCmdModifier);
    }

    /** Every network alias: the name first, then the extra aliases. */
    public List<String> allAliases() {
        List<String> all = new ArrayList<>();
        all.add(name);
        aliases.stream().filter(a -> !a.equals(name)).forEach(all::add);
        return all;
    }

    @Override
    public String toString() {
        // env values may be secrets (passwords of the service): show the names only
        return "ServiceSpec[name=" + name + ", image=" + image + ", pull=" + pull.parameterValue() + ", aliases=" + aliases
                + ", env=" + env.keySet() + ", exposedPorts=" + exposedPorts + ", wait=" + waitStrategy.description() + ", startupTimeout=" + startupTimeout
                + ", dependsOn=" + dependsOn + ", publishPorts=" + publishPorts + "]";
    }

    /** Collects the optional parts of a {@link ServiceSpec}. */
    public static final class Builder {
        private final String name;
        private final String image;
        private PullPolicy pull = PullPolicy.MISSING;
        private final List<String> aliases = new ArrayList<>();
        private final Map<String, String> env = new LinkedHashMap<>();
        private ContainerCommand command;
        private final List<Integer> exposedPorts = new ArrayList<>();
        private WaitStrategy waitStrategy;
        private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;
        private final List<String> dependsOn = new ArrayList<>();
        private boolean publishPorts;
        private Consumer<CreateContainerCmd> createCmdModifier;

        private Builder(String name, String image) {
            this.name = name;
            this.image = image;
        }

        /** When the image is pulled; default {@link PullPolicy#MISSING}. */
        public Builder pull(PullPolicy policy) {
            this.pull = policy;
            return this;
        }

        public Builder alias(String... more) {
            aliases.addAll(List.of(more));
            return this;
        }

        public Builder env(String key, String value) {
            env.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value of " + key));
            return this;
        }

        public Builder env(Map<String, String> vars) {
            vars.forEach(this::env);
            return this;
        }

        public Builder command(ContainerCommand cmd) {
            this.command = cmd;
            return this;
        }

        public Builder expose(int... ports) {
            for (int p : ports) {
                exposedPorts.add(p);
            }
            return this;
        }

        /** How readiness is checked; default {@link Wait#forExposedPorts()}. */
        public Builder waitingFor(WaitStrategy strategy) {
            this.waitStrategy = strategy;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public Builder dependsOn(String... services) {
            dependsOn.addAll(List.of(services));
            return this;
        }

        public Builder publishPorts(boolean publish) {
            this.publishPorts = publish;
            return this;
        }

        /** <b>Unstable:</b> see {@link ServiceSpec#createCmdModifier()}. */
        public Builder createCmdModifier(Consumer<CreateContainerCmd> modifier) {
            this.createCmdModifier = modifier;
            return this;
        }

        public ServiceSpec build() {
            WaitStrategy wait = waitStrategy != null ? waitStrategy : Wait.forExposedPorts();
            return new ServiceSpec(name, image, pull, aliases, env, command, exposedPorts, wait, startupTimeout, dependsOn,
                    publishPorts, createCmdModifier);
        }
    }
}
