package io.jenkins.plugins.dockerci.engine.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the credentials for a registry come from: the one source a run asks, by registry host, for every image it
 * pulls or pushes (a {@code FROM} base, a service or test image, a push target, a BuildKit session's auth callback).
 * The run's source is {@link io.jenkins.plugins.dockerci.engine.EngineContext#registries()}.
 *
 * <p>Jenkins answers from a step's own credentials and then the admin's registry list; the command-line runner from
 * the flow file's {@code registry} entries and then the Docker CLI's configuration. An empty answer means "pull or
 * push anonymously". Implementations are asked from several threads at once (services start concurrently) and
 * should answer the same host the same way during a run.
 */
@FunctionalInterface
public interface RegistryLogins {

    /**
     * The login for one registry.
     *
     * @param registry {@code host[:port]} as {@link io.jenkins.plugins.dockerci.engine.image.ImageReference#domain()}
     *                 gives it ({@code docker.io} for Docker Hub)
     * @throws io.jenkins.plugins.dockerci.engine.DockerCiException when the source is broken (e.g. a credential helper
     *                                                              fails), with a message that says what to fix
     */
    Optional<RegistryLogin> forRegistry(String registry);

    /**
     * Every login this source can name without being asked for a registry. A classic build sends all of them to the
     * engine, which picks the one for each {@code FROM} image it pulls: the Dockerfile's bases are not known before.
     */
    default List<RegistryLogin> known() {
        return List.of();
    }

    /**
     * What the user does to give the run credentials for {@code registry}, in the caller's own terms (e.g. "add it
     * to the global registries" in Jenkins, "add a registry: entry or run docker login" on the command line): a
     * clause that completes "none are configured for R — …" in error messages.
     */
    default String howToConfigure(String registry) {
        return "give the run credentials for " + registry;
    }

    /** No credentials for any registry. */
    static RegistryLogins none() {
        return registry -> Optional.empty();
    }

    /** A fixed set of logins, at most one per registry (the first one given wins), with the default advice. */
    static RegistryLogins of(List<RegistryLogin> logins) {
        return of(logins, none()::howToConfigure);
    }

    /**
     * A fixed set of logins, at most one per registry: the first one given wins, so a caller lists its sources in
     * their order (Jenkins: the step's own login, then the admin's registry list).
     *
     * @param advice {@link #howToConfigure(String)} of a registry, in the caller's terms
     */
    static RegistryLogins of(List<RegistryLogin> logins, UnaryOperator<String> advice) {
        Map<String, RegistryLogin> byHost = new LinkedHashMap<>();
        logins.forEach(login -> byHost.putIfAbsent(login.registry(), login));
        List<RegistryLogin> distinct = List.copyOf(byHost.values());
        Map<String, RegistryLogin> lookup = Map.copyOf(byHost);
        Objects.requireNonNull(advice, "advice");
        return new RegistryLogins() {
            @Override
            public Optional<RegistryLogin> forRegistry(String registry) {
                return Optional.ofNullable(lookup.get(RegistryHosts.normalise(registry)));
            }

            @Override
            public List<RegistryLogin> known() {
                return distinct;
            }

            @Override
            public String howToConfigure(String registry) {
                return advice.apply(registry);
            }
        };
    }

    /**
     * Credentials for one registry, and where they came from.
     *
     * @param registry    {@code host[:port]}, normalised by {@link RegistryHosts#normalise(String)}
     * @param credentials the username and password or identity token
     * @param origin      where they were found, for the log and error messages (e.g. "Jenkins credentials
     *                    'registry-ci'", "~/.docker/config.json"); never a secret
     */
    record RegistryLogin(String registry, RegistryCredentials credentials, String origin) {

        public RegistryLogin {
            registry = RegistryHosts.normalise(registry);
            Objects.requireNonNull(credentials, "credentials");
            if (origin == null || origin.isBlank()) {
                throw new IllegalArgumentException("the origin of the credentials for " + registry + " must be named");
            }
        }

        /** Who logs in, for the log: "user ci-user" or "an identity token". */
        public String who() {
            return credentials.username() != null ? "user " + credentials.username() : "an identity token";
        }

        @Override
        public String toString() {
            return "RegistryLogin[" + registry + ", " + credentials + ", from " + origin + "]";
        }
    }
}
