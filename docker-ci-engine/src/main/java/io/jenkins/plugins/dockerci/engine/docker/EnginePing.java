package io.jenkins.plugins.dockerci.engine.docker;

import com.github.dockerjava.transport.DockerHttpClient;

/**
 * What an engine says about itself in the headers of its answer to {@code GET /_ping}; {@code null} for a header it
 * did not send.
 *
 * @param status         the HTTP status of the answer
 * @param apiVersion     {@code Api-Version}, e.g. {@code 1.41}
 * @param osType         {@code OSType}, e.g. {@code linux}
 * @param builderVersion {@code Builder-Version}: {@code 2} when BuildKit is the engine's default builder, {@code 1}
 *                       when the classic builder is
 */
public record EnginePing(int status, String apiVersion, String osType, String builderVersion) {

    /** Whether the engine answered 200 OK. */
    public boolean answered() {
        return status == 200;
    }

    /**
     * Asks the engine.
     *
     * @throws RuntimeException when the engine cannot be reached
     */
    static EnginePing ask(DockerHttpClient http) {
        try (DockerHttpClient.Response answer = http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build())) {
            return new EnginePing(answer.getStatusCode(), answer.getHeader("Api-Version"), answer.getHeader("OSType"),
                    answer.getHeader("Builder-Version"));
        }
    }
}
