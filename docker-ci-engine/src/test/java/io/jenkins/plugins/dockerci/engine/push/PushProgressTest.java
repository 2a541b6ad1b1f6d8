package io.jenkins.plugins.dockerci.engine.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.PushResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Replays push streams as the engine (20.10) sent them. */
class PushProgressTest {

    private static final String DIGEST = "sha256:d26691a21b26d9396c2e1d7cb820517f5e6f3fa7ff8c09625fdef1995e791283";
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();
    private final PushProgress progress = new PushProgress((kind, text) -> lines.add(text));

    private void replay(String... items) {
        for (String item : items) {
            try {
                progress.onNext(json.readValue(item, PushResponseItem.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void logsEachLayerStateOnceAndKeepsTheDigest() {
        replay("{\"status\":\"The push refers to repository [127.0.0.1:5000/probe/x]\"}",
                "{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"cdb4b3090dbd\"}",
                "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":19968,\"total\":1985623},\"progress\":\"[>  ]  19.97kB/1.986MB\",\"id\":\"cdb4b3090dbd\"}",
                "{\"status\":\"Pushing\",\"progressDetail\":{\"current\":1309184,\"total\":1985623},\"progress\":\"[=> ]  1.309MB/1.986MB\",\"id\":\"cdb4b3090dbd\"}",
                "{\"status\":\"Pushed\",\"progressDetail\":{},\"id\":\"cdb4b3090dbd\"}",
                "{\"status\":\"1: digest: " + DIGEST + " size: 528\"}",
                "{\"progressDetail\":{},\"aux\":{\"Tag\":\"1\",\"Digest\":\"" + DIGEST + "\",\"Size\":528}}");

        assertThat(lines).containsExactly("The push refers to repository [127.0.0.1:5000/probe/x]",
                "  cdb4b3090dbd: Preparing", "  cdb4b3090dbd: Pushing", "  cdb4b3090dbd: Pushed");
        assertThat(progress.digest()).isEqualTo(DIGEST);
        assertThat(progress.manifestSize()).isEqualTo(528);
        assertThat(progress.error()).isNull();
    }

    @Test
    void oneLineForARetryCountdown() {
        replay("{\"status\":\"Retrying in 5 seconds\",\"id\":\"aa\"}", "{\"status\":\"Retrying in 4 seconds\",\"id\":\"aa\"}",
                "{\"status\":\"Layer already exists\",\"id\":\"aa\"}");

        assertThat(lines).containsExactly("  aa: Retrying in 5 seconds", "  aa: Layer already exists");
    }

    @Test
    void keepsTheFirstErrorFromTheStream() {
        replay("{\"status\":\"Preparing\",\"progressDetail\":{},\"id\":\"cdb4b3090dbd\"}",
                "{\"errorDetail\":{\"message\":\"no basic auth credentials\"},\"error\":\"no basic auth credentials\"}",
                "{\"errorDetail\":{\"message\":\"second\"},\"error\":\"second\"}");

        assertThat(progress.error()).isEqualTo("no basic auth credentials");
        assertThat(progress.digest()).isNull();
    }

    @Test
    void anErrorWithoutDetailStillCounts() {
        replay("{\"error\":\"unauthorized: authentication required\"}");

        assertThat(progress.error()).isEqualTo("unauthorized: authentication required");
    }
}
