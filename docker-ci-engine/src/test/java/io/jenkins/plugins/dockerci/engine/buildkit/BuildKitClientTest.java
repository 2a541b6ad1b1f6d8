package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildKitClientTest {

    @Test
    void theBuildRequestCarriesEveryOptionEncoded() {
        BuildKitRequest request = new BuildKitRequest("app", "docker/Dockerfile.ci", List.of("app:1", "127.0.0.1:5000/app:2"),
                Map.of("GREETING", "hello world&x=1"), "test", new LinkedHashMap<>(Map.of("team", "a b")), true, true,
                List.of("app:cache"), "linux/arm64", BuildSecrets.builder().value("token", "t0k3n", "test").build());

        String path = BuildKitClient.path(request, "session-1", "build-1");

        assertThat(URI.create(path).getPath()).isEqualTo("/build");
        assertThat(params(path)).containsExactly(
                "version=2", "session=session-1", "buildid=build-1", "dockerfile=docker/Dockerfile.ci", "t=app:1",
                "t=127.0.0.1:5000/app:2", "buildargs={\"GREETING\":\"hello world&x=1\"}", "labels={\"team\":\"a b\"}",
                "target=test", "nocache=1", "pull=1", "cachefrom=[\"app:cache\"]", "platform=linux/arm64");
        assertThat(path).doesNotContain("t0k3n");
    }

    @Test
    void optionsLeftAtTheirDefaultsAreNotSent() {
        BuildKitRequest request = new BuildKitRequest("app", "Dockerfile", List.of(), Map.of(), null, Map.of(), false, false,
                List.of(), null, BuildSecrets.none());

        assertThat(params(BuildKitClient.path(request, "s", "b"))).containsExactly("version=2", "session=s", "buildid=b",
                "dockerfile=Dockerfile");
    }

    private static List<String> params(String path) {
        List<String> params = new ArrayList<>();
        for (String pair : URI.create(path).getRawQuery().split("&")) {
            params.add(URLDecoder.decode(pair, StandardCharsets.UTF_8));
        }
        return params;
    }
}
