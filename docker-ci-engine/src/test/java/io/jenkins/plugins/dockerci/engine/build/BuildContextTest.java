package io.jenkins.plugins.dockerci.engine.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {

    @TempDir
    Path root;

    @Test
    void missingContextDirectoryIsRejected() {
        Path missing = root.resolve("nope");

        assertThatThrownBy(() -> BuildContext.resolve(BuildRequest.builder(missing).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Build context directory " + missing + " does not exist");
    }

    @Test
    void contextThatIsAFileIsRejected() throws IOException {
        Path file = Files.writeString(root.resolve("file"), "x");

        assertThatThrownBy(() -> BuildContext.resolve(BuildRequest.builder(file).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is not a directory");
    }

    @Test
    void missingDockerfileIsRejectedNamingThePath() {
        assertThatThrownBy(() -> BuildContext.resolve(BuildRequest.builder(root).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Dockerfile " + root.resolve("Dockerfile") + " does not exist")
                .hasMessageContaining("no Dockerfile in the build context");
        assertThatThrownBy(() -> BuildContext.resolve(BuildRequest.builder(root).dockerfile(Path.of("ci/Dockerfile")).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Dockerfile " + root.resolve("ci/Dockerfile") + " does not exist");
    }

    @Test
    void dockerfileThatIsADirectoryIsRejected() throws IOException {
        Files.createDirectories(root.resolve("Dockerfile"));

        assertThatThrownBy(() -> BuildContext.resolve(BuildRequest.builder(root).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("is not a regular file");
    }

    @Test
    void lowercaseDockerfileIsUsedWhenThereIsNoDockerfile() throws IOException {
        ContextTrees.create(root, List.of("dockerfile"));

        assertThat(BuildContext.resolve(BuildRequest.builder(root).build()).dockerfileName()).isEqualTo("dockerfile");
    }

    @Test
    void relativeDockerfileIsResolvedInTheContextAndExcludedOnesGetAnException() throws IOException {
        ContextTrees.create(root, List.of("ci/Dockerfile.build"));
        Files.writeString(root.resolve(".dockerignore"), "ci\n*\n");

        BuildContext context = BuildContext.resolve(BuildRequest.builder(root).dockerfile(Path.of("ci/Dockerfile.build")).build());

        assertThat(context.dockerfileName()).isEqualTo("ci/Dockerfile.build");
        assertThat(context.generatedDockerfileName()).isNull();
        assertThat(context.matcher()).hasToString("[ci, *, !.dockerignore, !ci/Dockerfile.build]");
    }

    @Test
    void dockerfileReachedThroughASymlinkOutsideTheContextCountsAsOutside(@TempDir Path elsewhere) throws IOException {
        Path real = Files.writeString(elsewhere.resolve("Dockerfile"), "FROM scratch\n");
        Files.createSymbolicLink(root.resolve("Dockerfile"), real);

        BuildContext context = BuildContext.resolve(BuildRequest.builder(root).build());

        assertThat(context.dockerfileInContext()).isNull();
        assertThat(context.dockerfileName()).startsWith(".dockerfile.");
    }

    @Test
    void invalidDockerignorePatternIsRejectedNamingFileAndPattern() throws IOException {
        ContextTrees.create(root, List.of("Dockerfile"));
        Files.writeString(root.resolve(".dockerignore"), "ok\nbad[\n");

        assertThatThrownBy(() -> BuildContext.resolve(BuildRequest.builder(root).build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid pattern in " + root.toRealPath().resolve(".dockerignore"))
                .hasMessageContaining("'bad['");
    }
}
