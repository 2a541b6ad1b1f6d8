package io.jenkins.plugins.dockerci.engine.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.BuildAttribution;
import io.jenkins.plugins.dockerci.engine.RunContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DockerExtensionIT {

    @RegisterExtension
    static final DockerExtension DOCKER = new DockerExtension();

    @Test
    void failsAndCleansUpWhenATestLeavesLabelledResourcesBehind() throws Exception {
        DockerExtension leaky = new DockerExtension();
        leaky.start();
        DockerClient docker = DOCKER.client();
        RunContext run = leaky.newRun();
        String network = leaky.uniqueName("leak");
        docker.createNetworkCmd().withName(network).withLabels(run.labels()).exec();
        String container = docker.createContainerCmd(TestImages.BUSYBOX).withName(leaky.uniqueName("leak"))
                .withLabels(run.labels()).withCmd("true").exec().getId();

        assertThatThrownBy(() -> leaky.finish("LeakyTest"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyTest left 2 labelled Docker resource(s) behind")
                .hasMessageContaining("network " + network)
                .hasMessageContaining("container " + container.substring(0, 12));

        assertThat(docker.listNetworksCmd().withNameFilter(network).exec()).isEmpty();
        assertThat(docker.listContainersCmd().withShowAll(true).withLabelFilter(leaky.ownerFilter()).exec()).isEmpty();
    }

    @Test
    void buildCacheKeptOnPurposeIsRemovedWithoutFailingButARunTaggedImageIsALeak() throws Exception {
        DockerExtension cached = new DockerExtension();
        cached.start();
        DockerClient docker = DOCKER.client();
        RunContext run = cached.newRun();
        String image = builtImage(docker, run);
        String cacheTag = BuildAttribution.cacheTag(run.ownerId(), docker.inspectImageCmd(image).exec().getId());
        tag(docker, image, cacheTag);

        cached.finish("CachingTest");

        assertThat(docker.listImagesCmd().withReferenceFilter(BuildAttribution.cacheRepository(cached.ownerId())).exec())
                .as("the cache is removed").isEmpty();
        assertThat(docker.listImagesCmd().withLabelFilter(Map.of("com.example.run", run.runId())).exec()).isEmpty();

        DockerExtension leaky = new DockerExtension();
        leaky.start();
        RunContext leakyRun = leaky.newRun();
        String leaked = builtImage(docker, leakyRun);
        tag(docker, leaked, BuildAttribution.runTag(leakyRun));

        assertThatThrownBy(() -> leaky.finish("RunTagLeakTest")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("left 1 labelled Docker resource(s) behind").hasMessageContaining(BuildAttribution.runTag(leakyRun));
    }

    @Test
    void anImageWhoseNameASecondImageTookOverIsADanglingLeakButAnotherClassesDanglingImageIsNot() throws Exception {
        DockerExtension leaky = new DockerExtension();
        leaky.start();
        DockerClient docker = DOCKER.client();
        String name = leaky.uniqueName("moved") + ":ci";
        // another class's image, dangling the same way while the leaky class runs: not the leaky class's to report
        String othersName = DOCKER.uniqueName("others") + ":ci";
        List<String> images = new ArrayList<>();
        try {
            images.add(builtImage(docker, leaky.newRun()));
            tag(docker, images.get(0), name);
            images.add(builtImage(docker, leaky.newRun()));
            tag(docker, images.get(1), name);
            images.add(builtImage(docker, DOCKER.newRun()));
            tag(docker, images.get(2), othersName);
            images.add(builtImage(docker, DOCKER.newRun()));
            tag(docker, images.get(3), othersName);
            String first = shortId(docker, images.get(0));
            String others = shortId(docker, images.get(2));

            assertThatThrownBy(() -> leaky.finish("MovedTagTest")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("left 2 labelled Docker resource(s) behind")
                    .hasMessageContaining("image tagged " + name)
                    .hasMessageContaining("dangling image " + first + " (once tagged " + name)
                    .message().doesNotContain(others);
            assertThatThrownBy(() -> docker.inspectImageCmd(images.get(0)).exec()).as("the leak is removed")
                    .isInstanceOf(NotFoundException.class);
            assertThat(shortId(docker, images.get(2))).as("the other class's image stays").isEqualTo(others);
        } finally {
            for (String reference : List.of(name, othersName)) {
                removeQuietly(docker, reference);
            }
            images.forEach(image -> removeQuietly(docker, image));
        }
    }

    private static String shortId(DockerClient docker, String image) {
        return docker.inspectImageCmd(image).exec().getId().substring("sha256:".length(), "sha256:".length() + 12);
    }

    private static void removeQuietly(DockerClient docker, String reference) {
        try {
            docker.removeImageCmd(reference).exec();
        } catch (NotFoundException alreadyGone) {
            // removed by the leak check, or with its last tag
        }
    }

    /** An image of its own, as a build of {@code run} would make (no labels of ours; it is found by its tags). */
    private static String builtImage(DockerClient docker, RunContext run) {
        String container = docker.createContainerCmd(TestImages.BUSYBOX).withCmd("true").exec().getId();
        try {
            return docker.commitCmd(container).withLabels(Map.of("com.example.run", run.runId())).exec();
        } finally {
            docker.removeContainerCmd(container).exec();
        }
    }

    private static void tag(DockerClient docker, String image, String reference) {
        int colon = reference.lastIndexOf(':');
        docker.tagImageCmd(image, reference.substring(0, colon), reference.substring(colon + 1)).exec();
    }

    @Test
    void passesWhenNothingWasLeftAndIgnoresOtherOwners() throws Exception {
        DockerExtension tidy = new DockerExtension();
        tidy.start();
        String othersNetwork = DOCKER.uniqueName("other");
        DOCKER.client().createNetworkCmd().withName(othersNetwork).withLabels(DOCKER.newRun().labels()).exec();
        try {
            tidy.finish("TidyTest");
            assertThat(DOCKER.client().listNetworksCmd().withNameFilter(othersNetwork).exec()).hasSize(1);
        } finally {
            DOCKER.client().removeNetworkCmd(othersNetwork).exec();
        }
        assertThat(List.of(tidy.ownerId(), DOCKER.ownerId())).doesNotHaveDuplicates();
    }
}
