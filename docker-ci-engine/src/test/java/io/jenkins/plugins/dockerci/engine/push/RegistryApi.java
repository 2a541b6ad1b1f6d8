package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Asks a registry over its HTTP API (v2) what it holds, independently of the Docker engine. */
final class RegistryApi {

    static final String MANIFEST_V2 = "application/vnd.docker.distribution.manifest.v2+json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization;

    private RegistryApi(String authorization) {
        this.authorization = authorization;
    }

    static RegistryApi anonymous() {
        return new RegistryApi(null);
    }

    static RegistryApi basic(String user, String password) {
        return new RegistryApi("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code Docker-Content-Digest} of the reference's manifest, as the registry serves it. */
    String manifestDigest(ImageReference reference) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(manifestUri(reference, reference.tag()))
                .header("Accept", MANIFEST_V2).GET());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET manifest of " + reference + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("Docker-Content-Digest")
                .orElseThrow(() -> new AssertionError("no Docker-Content-Digest for " + reference));
    }

    /** Deletes a pushed manifest so the test registry does not keep growing (blobs stay until garbage collection). */
    void deleteManifest(ImageReference reference, String digest) throws IOException, InterruptedException {
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
