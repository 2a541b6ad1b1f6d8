package io.jenkins.plugins.dockerci.engine.services.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WaitTest {

    @Test
    void withMethodsReturnAdjustedCopiesAndLeaveTheOriginalAlone() {
        LogMessageWaitStrategy once = Wait.forLogMessage("ready");
        LogMessageWaitStrategy twice = once.withTimes(2);
        assertThat(once.times()).isEqualTo(1);
        assertThat(twice.times()).isEqualTo(2);
        assertThat(twice).isNotSameAs(once);
        PortWaitStrategy port = Wait.forPort(5432);
        assertThat(port.withPollInterval(Duration.ofMillis(5))).isNotSameAs(port);
    }

    @Test
    void descriptionsSayWhatIsAwaited() {
        assertThat(Wait.forPort(5432).description()).isEqualTo("TCP port 5432");
        assertThat(Wait.forPort(80, 443).description()).isEqualTo("TCP ports 80, 443");
        assertThat(Wait.forLogMessage("ready").withTimes(2).description()).isEqualTo("log message matching /ready/ 2 times");
        assertThat(Wait.forCommand("pg_isready").description()).contains("[pg_isready]");
        assertThat(Wait.forShellCommand("test -f /ok").command()).containsExactly("/bin/sh", "-c", "test -f /ok");
        assertThat(Wait.forHealthcheck().description()).contains("HEALTHCHECK");
        assertThat(Wait.forHttp(8080, "/health").description()).isEqualTo("HTTP GET /health on port 8080 answering 2xx");
        assertThat(Wait.forHttp(8080, "/").withStatus(401).description()).endsWith("answering 401");
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Wait.forPort(0)).hasMessageContaining("port 0");
        assertThatThrownBy(() -> Wait.forPort()).hasMessageContaining("at least one port");
        assertThat(Wait.forExposedPorts().description()).isEqualTo("its exposed TCP ports");
        assertThatThrownBy(() -> Wait.forLogMessage("(")).hasMessageContaining("not a valid regular expression");
        assertThatThrownBy(() -> Wait.forLogMessage("x").withTimes(0)).hasMessageContaining("times >= 1");
        assertThatThrownBy(() -> Wait.forCommand()).hasMessageContaining("needs a command");
        assertThatThrownBy(() -> Wait.forHealthcheck().withPollInterval(Duration.ZERO)).hasMessageContaining("poll interval");
        assertThatThrownBy(() -> Wait.forHttp(80, "health")).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> Wait.forHttp(80, "/").withStatus(42)).hasMessageContaining("not a status code");
    }

    @Test
    void deadlineCountsDownAndCapsWaits() {
        Deadline d = Deadline.after(Duration.ofHours(1));
        assertThat(d.expired()).isFalse();
        assertThat(d.remainingAtMost(Duration.ofMillis(10))).isEqualTo(Duration.ofMillis(10));
        assertThat(Deadline.after(Duration.ZERO).expired()).isTrue();
        assertThat(Deadline.after(Duration.ofMillis(-5)).remainingAtMost(Duration.ofSeconds(1))).isZero();
    }
}
