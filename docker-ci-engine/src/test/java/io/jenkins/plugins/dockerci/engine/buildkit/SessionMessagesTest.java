package io.jenkins.plugins.dockerci.engine.buildkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SessionMessagesTest {

    @Test
    void healthAnswerIsServing() {
        assertThat(HexFormat.of().formatHex(SessionMessages.healthServing())).isEqualTo("0801");
    }

    @Test
    void readsTheHostOfACredentialsRequestAndAnswersUsernameAndSecret() {
        byte[] request = new ProtoWriter().string(1, "127.0.0.1:5001").toByteArray();

        assertThat(SessionMessages.credentialsHost(request)).isEqualTo("127.0.0.1:5001");
        ProtoReader answer = new ProtoReader(SessionMessages.credentialsResponse("ci-user", "p:\u00e4ss"));
        assertThat(answer.next()).isTrue();
        assertThat(answer.field()).isEqualTo(1);
        assertThat(answer.string()).isEqualTo("ci-user");
        assertThat(answer.next()).isTrue();
        assertThat(answer.field()).isEqualTo(2);
        assertThat(answer.string()).isEqualTo("p:\u00e4ss");
        assertThat(answer.next()).isFalse();
    }

    @Test
    void readsTheIdOfASecretRequestPastItsAnnotationsAndAnswersTheBytes() {
        byte[] annotation = new ProtoWriter().string(1, "key").string(2, "value").toByteArray();
        byte[] request = new ProtoWriter().string(1, "npm_token").bytes(2, annotation).toByteArray();

        assertThat(SessionMessages.secretId(request)).isEqualTo("npm_token");
        ProtoReader answer = new ProtoReader(SessionMessages.secretResponse("s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.next()).isTrue();
        assertThat(answer.field()).isEqualTo(1);
        assertThat(answer.string()).isEqualTo("s3cret");
    }
}
