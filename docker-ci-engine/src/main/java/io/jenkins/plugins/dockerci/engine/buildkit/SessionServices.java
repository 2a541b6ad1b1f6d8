package io.jenkins.plugins.dockerci.engine.buildkit;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.push.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a build's session answers when the engine's BuildKit calls back: health checks, the login for a registry
 * it pulls from, and build secrets. Every other method (file sync, SSH forwarding, token authorities) is
 * "unimplemented", which BuildKit treats as "this client does not offer it".
 *
 * <p>Remembers which registries were asked for without a login and which secrets were asked for without a value,
 * so a failed build can say what to configure.
 */
final class SessionServices implements GrpcHandler {

    static final String HEALTH_CHECK = "/grpc.health.v1.Health/Check";
    static final String CREDENTIALS = "/moby.filesync.v1.Auth/Credentials";
    static final String GET_SECRET = "/moby.buildkit.secrets.v1.Secrets/GetSecret";
    /** The methods announced when the session is opened. */
    static final List<String> METHODS = List.of(HEALTH_CHECK, CREDENTIALS, GET_SECRET);

    // BuildKit asks for Docker Hub by the host it talks to
    private static final String DOCKER_HUB_API = "registry-1.docker.io";

    private final RegistryLogins logins;
    private final BuildSecrets.Values secrets;
    private final Set<String> anonymousRegistries = ConcurrentHashMap.newKeySet();
    private final Set<String> loggedInRegistries = ConcurrentHashMap.newKeySet();
    private final Set<String> missingSecrets = ConcurrentHashMap.newKeySet();

    SessionServices(RegistryLogins logins, BuildSecrets.Values secrets) {
        this.logins = logins;
        this.secrets = secrets;
    }

    @Override
    public byte[] handle(String method, byte[] request) {
        return switch (method) {
            case HEALTH_CHECK -> SessionMessages.healthServing();
            case CREDENTIALS -> credentials(SessionMessages.credentialsHost(request));
            case GET_SECRET -> secret(SessionMessages.secretId(request));
            default -> throw new GrpcStatusException(GrpcStatusException.UNIMPLEMENTED, "docker-ci does not serve " + method);
        };
    }

    private byte[] credentials(String host) {
        String registry = registryOf(host);
        Optional<RegistryLogin> login;
        try {
            login = logins.forRegistry(registry);
        } catch (RuntimeException e) {
            // a credential source that fails must not pass its message (which may quote a secret) to the engine
            throw new GrpcStatusException(GrpcStatusException.UNAVAILABLE, "the credentials for " + registry + " could not be read");
        }
        if (login.isEmpty()) {
            anonymousRegistries.add(registry);
            return SessionMessages.credentialsResponse("", "");
        }
        loggedInRegistries.add(registry);
        RegistryCredentials credentials = login.get().credentials();
        return credentials.identityToken() != null
                ? SessionMessages.credentialsResponse("", credentials.identityToken())
                : SessionMessages.credentialsResponse(credentials.username(), credentials.password());
    }

    private byte[] secret(String id) {
        byte[] value = secrets.get(id);
        if (value == null) {
            missingSecrets.add(id);
            throw new GrpcStatusException(GrpcStatusException.NOT_FOUND, "secret " + id + " not found");
        }
        return SessionMessages.secretResponse(value);
    }

    /** {@code host[:port]} as {@link RegistryLogins} expects it. */
    static String registryOf(String host) {
        String registry = host.toLowerCase(Locale.ROOT);
        return DOCKER_HUB_API.equals(registry) ? ImageReference.DOCKER_HUB : registry;
    }

    /** Registries the engine asked for a login that no source had. */
    Set<String> anonymousRegistries() {
        return Set.copyOf(anonymousRegistries);
    }

    /** Registries the engine got a login for. */
    Set<String> loggedInRegistries() {
        return Set.copyOf(loggedInRegistries);
    }

    /** Secret ids the build asked for that were not given. */
    Set<String> missingSecrets() {
        return Set.copyOf(missingSecrets);
    }
}
