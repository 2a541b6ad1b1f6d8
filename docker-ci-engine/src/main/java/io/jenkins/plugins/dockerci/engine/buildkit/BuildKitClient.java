package io.jenkins.plugins.dockerci.engine.buildkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.docker.Uninterruptibly;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Builds images with the engine's built-in BuildKit through the Engine API, as {@code docker buildx build} does
 * against a Docker engine: a {@link BuildSession} serves registry logins and build secrets, and
 * {@code POST /build?version=2&session=…} ({@link BuildCall}) sends the context and streams BuildKit's progress, which
 * is shown as {@code --progress=plain} shows it ({@link PlainProgress}). The session is opened while the context is
 * already being sent.
 *
 * <p>An interrupt or the timeout cancels the build on the engine ({@code POST /build/cancel}, then the request and
 * the session are closed); BuildKit then stops the step in progress. Its steps run in BuildKit's own containers,
 * never in Docker containers, so a stopped build leaves no container behind. Secret values are masked in
 * everything written to the log and in error messages.
 */
public final class BuildKitClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long STOP_WAIT_SECONDS = 10;

    private final DockerHttpClient http;
    private final DockerEndpoint endpoint;
    private final RegistryLogins logins;

    /**
     * @param http     the engine's HTTP transport ({@link io.jenkins.plugins.dockerci.engine.docker.DockerClients#transport}),
     *                 for the calls beside the build (canceling it)
     * @param endpoint the same engine's address, for the build's and the session's own connections
     * @param logins   where registry logins come from when BuildKit pulls a base image
     */
    public BuildKitClient(DockerHttpClient http, DockerEndpoint endpoint, RegistryLogins logins) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.logins = Objects.requireNonNull(logins, "logins");
    }

    /**
     * Builds.
     *
     * @param context writes the build context into the request, on the build's own thread
     * @param what    what is built, for messages (e.g. "Dockerfile (context /ws)")
     * @return the image id ({@code sha256:…})
     * @throws io.jenkins.plugins.dockerci.engine.InvalidRequestException when a secret cannot be read (nothing sent)
     * @throws DockerCiException naming the failed step, its last output and what to configure, or saying that the
     *                           build was interrupted (the interrupt flag stays set) or ran out of time
     */
    public String build(BuildKitRequest request, ContextUpload context, String what, Duration timeout, LogSink log) {
        BuildSecrets.Values secrets = request.secrets().read();
        SecretMasker masked = SecretMasker.wrap(log, secrets.texts());
        SessionServices services = new SessionServices(logins, secrets, masked);
        PlainProgress progress = new PlainProgress(masked);
        String sessionId = BuildSession.newId();
        String buildId = UUID.randomUUID().toString();
        BuildCall call = new BuildCall(endpoint, path(request, sessionId, buildId), context, progress, masked);
        // the session opens while the context is sent, as the docker CLI opens it: the engine looks a session up only
        // when the build first calls into it (a registry login, a secret), and waits for it there
        call.start();
        BuildSession session = openSession(call, buildId, sessionId, request, services, what);
        try {
            await(call, buildId, timeout, what, progress, masked);
            return outcome(call, session, services, progress, what, masked, logins);
        } finally {
            closeQuietly(session);
        }
    }

    /** Opens the build's session; when it cannot be opened, the build already sent is canceled. */
    private BuildSession openSession(BuildCall call, String buildId, String sessionId, BuildKitRequest request,
            SessionServices services, String what) {
        try {
            return BuildSession.open(endpoint, sessionId, request.sessionName(), services);
        } catch (IOException | RuntimeException e) {
            cancel(call, buildId);
            if (Thread.currentThread().isInterrupted()) {
                // an interrupt closes the session's socket channel while it connects: that is the cause to report
                throw new DockerCiException("Docker build of " + what + " was interrupted while it started; the build was"
                        + " canceled on the engine.", e);
            }
            throw new DockerCiException("Docker build of " + what + " could not start a BuildKit session with the engine at "
                    + endpoint.describe() + ": " + e.getMessage() + ". Check that the engine offers BuildKit (Docker 18.09"
                    + " or newer on Linux), or build with builder: classic.", e);
        }
    }

    private void await(BuildCall call, String buildId, Duration timeout, String what, PlainProgress progress,
            SecretMasker masked) {
        boolean finished;
        try {
            finished = call.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            String step = atStep(progress);
            cancel(call, buildId);
            Thread.currentThread().interrupt();
            throw new DockerCiException(masked.mask("Docker build of " + what + " was interrupted" + step
                    + "; the build was canceled on the engine."), e);
        }
        if (!finished) {
            String step = atStep(progress);
            cancel(call, buildId);
            throw new DockerCiException(masked.mask("Docker build of " + what + " did not finish within "
                    + DurationText.format(timeout) + step + "; it was canceled. Raise the build timeout if the build needs longer."));
        }
    }

    /** Cancels on the engine and stops the request, on a thread of its own: the caller may be interrupted. */
    private void cancel(BuildCall call, String buildId) {
        Uninterruptibly.call("docker-ci-buildkit-cancel", () -> {
            try (DockerHttpClient.Response ignored = http.execute(DockerHttpClient.Request.builder()
                    .method(DockerHttpClient.Request.Method.POST)
                    .path("/build/cancel?id=" + encode(buildId))
                    .build())) {
                // the answer carries nothing; closing the request below cancels too, should this have failed
            } catch (RuntimeException unreachable) {
                // closing the request still ends the build
            }
            call.abort();
            try {
                call.awaitStopped(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException cannotHappen) {
                Thread.currentThread().interrupt();
            }
            return Boolean.TRUE;
        });
    }

    private static String outcome(BuildCall call, BuildSession session, SessionServices services, PlainProgress progress,
            String what, SecretMasker masked, RegistryLogins logins) {
        if (call.rejectedStatus() != 0) {
            throw new DockerCiException(masked.mask("Docker build of " + what + " was rejected by the engine (HTTP "
                    + call.rejectedStatus() + "): " + call.engineError() + hints(services)));
        }
        if (call.engineError() != null) {
            throw new DockerCiException(masked.mask(BuildKitFailures.message(what, call.engineError(),
                    progress.failedStep().orElse(null), hints(services), logins)));
        }
        if (call.transportError() != null) {
            Throwable cause = call.transportError();
            String sessionProblem = session.failure() == null ? ""
                    : " (the BuildKit session had failed before: " + session.failure().getMessage() + ")";
            throw new DockerCiException(masked.mask("Docker build of " + what + " failed: the connection to the engine broke"
                    + atStep(progress) + ": " + cause.getMessage() + sessionProblem + "."), cause);
        }
        if (call.imageId() == null) {
            throw new DockerCiException("Docker build of " + what + " ended without reporting an image id. The Docker engine"
                    + " may have restarted; run the build again.");
        }
        return call.imageId();
    }

    /** What to fix when the session saw the cause: a secret not given, a credential source that failed. */
    private static String hints(SessionServices services) {
        StringBuilder hints = new StringBuilder();
        if (!services.missingSecrets().isEmpty()) {
            hints.append(" The Dockerfile uses build secret(s) ").append(services.missingSecrets().stream().sorted().toList())
                    .append(" that the build was not given: add each to the build's 'secrets'.");
        }
        services.credentialsFailure().ifPresent(failure -> hints.append(" Registry credentials could not be read: ")
                .append(failure).append(failure.endsWith(".") ? "" : "."));
        return hints.toString();
    }

    private static String atStep(PlainProgress progress) {
        return progress.runningStep().map(step -> " (at step `" + step + "`)").orElse("");
    }

    /** {@code /build?version=2&…} with every option the engine's BuildKit takes. */
    static String path(BuildKitRequest request, String sessionId, String buildId) {
        StringBuilder query = new StringBuilder("/build?version=2");
        param(query, "session", sessionId);
        param(query, "buildid", buildId);
        param(query, "dockerfile", request.dockerfile());
        request.tags().forEach(tag -> param(query, "t", tag));
        if (!request.buildArgs().isEmpty()) {
            param(query, "buildargs", json(request.buildArgs()));
        }
        if (!request.labels().isEmpty()) {
            param(query, "labels", json(request.labels()));
        }
        if (request.target() != null) {
            param(query, "target", request.target());
        }
        if (request.noCache()) {
            param(query, "nocache", "1");
        }
        if (request.pull()) {
            param(query, "pull", "1");
        }
        if (!request.cacheFrom().isEmpty()) {
            param(query, "cachefrom", json(request.cacheFrom()));
        }
        if (request.platform() != null) {
            param(query, "platform", request.platform());
        }
        return query.toString();
    }

    private static void param(StringBuilder query, String name, String value) {
        query.append('&').append(name).append('=').append(encode(value));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value instanceof Map<?, ?> map ? new java.util.TreeMap<>(map) : value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(BuildSession session) {
        try {
            session.close();
        } catch (IOException alreadyClosed) {
            // the engine drops the session when the connection ends, whichever way
        }
    }
}
