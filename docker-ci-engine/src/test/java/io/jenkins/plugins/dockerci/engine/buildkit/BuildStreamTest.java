package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Streams the engine really sent (recorded from dockerd 20.10.24), shown the way {@code --progress=plain} shows them. */
class BuildStreamTest {

    private final List<String> lines = new ArrayList<>();
    private final PlainProgress progress = new PlainProgress((kind, text) -> lines.add(text));
    private final BuildStream stream = new BuildStream(progress, (kind, text) -> lines.add("log: " + text));

    @Test
    void successfulBuildShowsEveryStepItsOutputAndTheImage() throws IOException {
        read("successful-run.jsonl");

        assertThat(lines).containsExactly(
                "#1 [internal] load remote build context",
                "#1 DONE 0.0s",
                "#2 copy /context /",
                "#2 DONE 0.0s",
                "#3 [internal] load metadata for docker.io/docker-ci-test/busybox:1",
                "#3 DONE 0.0s",
                "#4 [1/2] FROM docker.io/docker-ci-test/busybox:1",
                "#4 CACHED",
                "#5 [2/2] RUN printf \"one\\ntwo-without-newline\" && sleep 0.3 && echo \" three\"",
                "#5 0.176 one",
                "#5 0.176 two-without-newline three",
                "#5 DONE 0.5s",
                "#6 exporting to image",
                "#6 exporting layers done",
                "#6 writing image sha256:c43baa50e6ae7f8a05f583b3e3c9a889fa2b5e496be5d60bc3360838916b7da4 done",
                "#6 naming to docker.io/docker-ci-fixture/trace:1 done",
                "#6 DONE 0.0s",
                "log: Successfully tagged docker-ci-fixture/trace:1");
        assertThat(stream.imageId()).isEqualTo("sha256:c43baa50e6ae7f8a05f583b3e3c9a889fa2b5e496be5d60bc3360838916b7da4");
        assertThat(stream.engineError()).isNull();
        assertThat(progress.failedStep()).isEmpty();
    }

    @Test
    void failedBuildNamesTheStepWithItsErrorAndLastOutput() throws IOException {
        read("failing-run.jsonl");

        String error = "executor failed running [/bin/sh -c echo line-one && echo line-two >&2 && exit 3]: exit code: 3";
        assertThat(lines).endsWith(
                "#5 [2/2] RUN echo line-one && echo line-two >&2 && exit 3",
                "#5 0.150 line-one",
                "#5 0.150 line-two",
                "#5 ERROR: " + error);
        assertThat(stream.engineError()).isEqualTo(error);
        assertThat(stream.imageId()).isNull();
        assertThat(progress.failedStep()).hasValueSatisfying(step -> {
            assertThat(step.name()).isEqualTo("[2/2] RUN echo line-one && echo line-two >&2 && exit 3");
            assertThat(step.error()).isEqualTo(error);
            assertThat(step.tail()).containsExactly("#5 0.150 line-one", "#5 0.150 line-two");
        });
    }

    @Test
    void plainMessagesAreLoggedAndUnknownItemsIgnored() throws IOException {
        stream.read(json("{\"stream\":\"Successfully tagged a:1\\n\"}{\"id\":\"moby.other\",\"aux\":{}}{\"status\":\"x\"}"));

        assertThat(lines).containsExactly("log: Successfully tagged a:1");
    }

    @Test
    void theFirstErrorIsKept() throws IOException {
        stream.read(json("{\"errorDetail\":{\"message\":\"first\"},\"error\":\"first\"}{\"error\":\"second\"}"));

        assertThat(stream.engineError()).isEqualTo("first");
    }

    @Test
    void aMalformedProgressMessageStopsTheStream() {
        String aux = Base64.getEncoder().encodeToString(new byte[] {0x0a, 0x05, 0x01});
        assertThatThrownBy(() -> stream.read(json("{\"id\":\"moby.buildkit.trace\",\"aux\":\"" + aux + "\"}")))
                .isInstanceOf(ProtoReader.ProtoException.class);
        assertThatThrownBy(() -> stream.read(json("{\"stream\":")))
                .isInstanceOf(IOException.class);
    }

    private void read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            stream.read(in);
        }
        progress.flush();
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
