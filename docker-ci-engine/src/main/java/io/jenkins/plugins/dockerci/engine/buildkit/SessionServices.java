package io.jenkins.plugins.dockerci.engine.buildkit;

import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryHosts;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a build's session answers when the engine's BuildKit calls back: health checks, the login for a registry
 * it pulls from, and build secrets. Every other method (file sync, SSH forwarding, token authorities) is
 * "unimplemented", which BuildKit treats as "this client does not offer it".
 *
 * <p>Remembers the secrets asked for without a value and why a credential source failed, so a failed build can say
 * what to fix.
 */
final class SessionServices implements GrpcHandler {

    static final String HEALTH_CHECK = "/grpc.health.v1.Health/Check";
    static final String CREDENTIALS = "/moby.filesync.v1.Auth/Credentials";
    static final String GET_SECRET = "/moby.buildkit.secrets.v1.Secrets/GetSecret";
    /** The methods announced when the session is opened. */
    static final List<String> METHODS = List.of(HEALTH_CHECK, CREDENTIALS, GET_SECRET);

    private final RegistryLogins logins;
    private final BuildSecrets.Values secrets;
    private final LogSink log;
    private final Set<String> announced = ConcurrentHashMap.newKeySet();
    private final Set<String> missingSecrets = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> credentialsFailure = new AtomicReference<>();

    /**
     * @param log where to say, once per registry, whose credentials BuildKit pulls base images with
     */
    SessionServices(RegistryLogins logins, BuildSecrets.Values secrets, LogSink log) {
        this.logins = logins;
        this.secrets = secrets;
        this.log = log;
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
        // BuildKit asks for Docker Hub by the host it talks to (registry-1.docker.io)
        String registry = RegistryHosts.normalise(host);
        Optional<RegistryLogin> login;
        try {
            login = logins.forRegistry(registry);
        } catch (DockerCiException e) {
            // the source's own words say what to fix; they go to the build's error, never to the engine
            credentialsFailure.compareAndSet(null, e.getMessage());
            throw new GrpcStatusException(GrpcStatusException.UNAVAILABLE, "the credentials for " + registry + " could not be read");
        } catch (RuntimeException e) {
            credentialsFailure.compareAndSet(null, "the credentials for " + registry + " could not be read ("
                    + e.getClass().getSimpleName() + ")");
            throw new GrpcStatusException(GrpcStatusException.UNAVAILABLE, "the credentials for " + registry + " could not be read");
        }
        if (announced.add(registry)) {
            // the words of the classic path's line, so a log reads the same with either builder
            log.info(login.map(l -> "Credentials for pulling base images: " + registry + " as " + l.who() + " (from " + l.origin() + ")")
                    .orElse("Base images from " + registry + " are pulled anonymously (no credentials configured for " + registry + ")"));
        }
        if (login.isEmpty()) {
            return SessionMessages.credentialsResponse("", "");
        }
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

    /** Why a credential source failed when the engine asked it, if it did. */
    Optional<String> credentialsFailure() {
        return Optional.ofNullable(credentialsFailure.get());
    }

    /** Secret ids the build asked for that were not given. */
    Set<String> missingSecrets() {
        return Set.copyOf(missingSecrets);
    }
}
