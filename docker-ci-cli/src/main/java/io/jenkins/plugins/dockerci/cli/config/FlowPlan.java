package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A valid {@code docker-ci.yml}: the engine requests of each step it describes.
 *
 * <p>Test and push requests name an image; when the file leaves it out they hold {@link #BUILT_IMAGE}, which the
 * runner replaces with the id of the image the build step made.
 *
 * @param file       the file it was read from
 * @param build      the build step, if the file has one
 * @param test       the test step, if the file has one
 * @param push       the push step, if the file has one
 * @param cleanup    what cleanup does with built images
 * @param registries the logins of the steps' {@code registry} entries, at most one per registry; they come first
 *                   for every pull and push of the run
 */
public record FlowPlan(Path file, Optional<BuildRequest> build, Optional<TestRequest> test, Optional<PushRequest> push,
                       CleanupPolicy cleanup, List<RegistryLogin> registries) {

    public FlowPlan {
        registries = List.copyOf(registries);
    }

    /** Stands for "the image the build step made" until the build has run. */
    public static final String BUILT_IMAGE = "docker-ci/built-image:pending";

    /** The steps a file can describe, in the order they run. */
    public enum Step {
        BUILD, TEST, PUSH;

        /** The step's key in the YAML file and its Pipeline function name. */
        public String key() {
            return switch (this) {
                case BUILD -> "dockerBuild";
                case TEST -> "dockerTest";
                case PUSH -> "dockerPush";
            };
        }
    }

    /** The secrets the plan carries (registry passwords), for masking. */
    public List<String> secrets() {
        return registries.stream().flatMap(login -> login.credentials().secrets().stream()).distinct().toList();
    }
}
