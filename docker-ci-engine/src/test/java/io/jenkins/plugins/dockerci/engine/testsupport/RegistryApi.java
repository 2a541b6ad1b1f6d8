package io.jenkins.plugins.dockerci.engine.testsupport;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Asks a registry over its HTTP API (v2) what it holds, independently of the Docker engine, and deletes what tests pushed. */
public final class RegistryApi {

    public static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization;

    private RegistryApi(String authorization) {
        this.authorization = authorization;
    }

    public static RegistryApi anonymous() {
        return new RegistryApi(null);
    }

    public static RegistryApi basic(String user, String password) {
        return new RegistryApi("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The test environment's basic-auth registry, with its test user. */
    public static RegistryApi authRegistry() {
        TestEnvironment env = TestEnvironment.current();
        return basic(env.authRegistryUser(), env.authRegistryPassword());
    }

    /** Deletes the reference's manifest if the registry has it (a test's push may not have happened). */
    public void deleteIfPresent(ImageReference reference) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(manifestUri(reference, reference.tag()))
                .header("Accept", MANIFEST_V2).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        if (response.statusCode() == 200) {
            deleteManifest(reference, response.headers().firstValue("Docker-Content-Digest").orElseThrow());
        }
    }

    /** The {@code Docker-Content-Digest} of the reference's manifest, as the registry serves it. */
    public String manifestDigest(ImageReference reference) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(manifestUri(reference, reference.tag()))
                .header("Accept", MANIFEST_V2).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET manifest of " + reference + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("Docker-Content-Digest")
                .orElseThrow(() -> new AssertionError("no Docker-Content-Digest for " + reference));
    }

    /** Deletes a pushed manifest so the test registry does not keep growing (blobs stay until garbage collection). */
    public void deleteManifest(ImageReference reference, String digest) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(manifestUri(reference, digest)).DELETE());
    }

    private URI manifestUri(ImageReference reference, String tagOrDigest) {
        return URI.create("http://" + reference.domain() + "/v2/" + reference.path() + "/manifests/" + tagOrDigest);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
