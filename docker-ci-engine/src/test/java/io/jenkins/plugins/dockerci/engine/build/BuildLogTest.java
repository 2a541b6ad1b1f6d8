package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildLogTest {

    private final List<String> lines = new ArrayList<>();
    private final BuildLog log = new BuildLog((kind, text) -> lines.add(text));

    @Test
    void assemblesFragmentsIntoLinesAsTheyComplete() {
        log.append("Step 1/4 : FROM busybox");
        assertThat(lines).isEmpty();
        log.append("\n");
        log.append(" ---> 711b92d3bc50\nStep 2/4 : RUN exit 3");
        assertThat(lines).containsExactly("Step 1/4 : FROM busybox", " ---> 711b92d3bc50");
        log.flush();
        assertThat(lines).containsExactly("Step 1/4 : FROM busybox", " ---> 711b92d3bc50", "Step 2/4 : RUN exit 3");
        assertThat(log.currentStep()).isEqualTo("2/4 `RUN exit 3`");
    }

    @Test
    void carriageReturnsKeepWhatATerminalWouldShow() {
        log.append("10%\r50%\r");
        log.append("100%\r\nwindows line\r\n");

        assertThat(lines).containsExactly("100%", "windows line");
    }

    @Test
    void veryLongLinesArePassedOnInPieces() {
        log.append("x".repeat(BuildLog.MAX_LINE + 10) + "\n");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(BuildLog.MAX_LINE);
    }

    @Test
    void tracksCommittedLayersContainersAndTheBuiltId() {
        log.append("Step 1/4 : FROM base\n ---> 111111111111\n"
                + "Step 2/4 : RUN echo cached\n ---> Using cache\n ---> 222222222222\n"
                + "Step 3/4 : RUN echo new\n ---> Running in cccccccccccc\nnew\nRemoving intermediate container cccccccccccc\n"
                + " ---> 333333333333\nStep 4/4 : COPY . /app\n ---> 444444444444\nSuccessfully built 444444444444\n");

        assertThat(log.createdImages()).containsExactly("333333333333", "444444444444");
        assertThat(log.containers()).containsExactly("cccccccccccc");
        assertThat(log.builtImageId()).isEqualTo("444444444444");
        assertThat(lines).contains("new");
    }

    @Test
    void withoutTheSuccessLineTheLastCommittedLayerIsTheImage() {
        log.append("Step 1/2 : FROM base\n ---> 111111111111\nStep 2/2 : LABEL a=b\n ---> Running in cccccccccccc\n"
                + " ---> 222222222222\n");

        assertThat(log.builtImageId()).isEqualTo("222222222222");
    }

    @Test
    void noStepBeforeTheFirstHeader() {
        assertThat(log.currentStep()).isNull();
        assertThat(log.builtImageId()).isNull();
    }
}
