package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.push.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code dockerPush}. Its {@code registry} entries are read with those of the other steps
 * ({@link RegistrySection}): they serve every pull and push of the run.
 */
final class PushSection {

    static final List<String> KEYS = List.of("image", "tags", "registry", "retries");

    private PushSection() {
    }

    static Optional<PushRequest> read(ConfigNode section, Reading r, boolean hasBuild) {
        section.allowOnly(KEYS, r.problems());
        Optional<String> image = r.text(section.get("image"));
        if (image.isEmpty() && !hasBuild) {
            r.problem(section, "no 'image' to push and no dockerBuild step to make one: add image: <reference>");
        }
        ConfigNode tagsNode = section.get("tags");
        List<ImageReference> targets = new ArrayList<>();
        for (ConfigNode tag : tagsNode.items(r.problems())) {
            r.text(tag).flatMap(t -> r.check(tag, () -> ImageReference.parse(t))).ifPresent(targets::add);
        }
        if (tagsNode.isMissing()) {
            r.problem(section, "no 'tags' to push: list the references, e.g. tags: ['registry.example.com/team/app:1.0']");
        }
        ConfigNode retriesNode = section.get("retries");
        int retries = r.text(retriesNode).flatMap(t -> r.check(retriesNode, () -> positive(t))).orElse(RetryPolicy.DEFAULT.maxAttempts());
        return r.check(section, () -> PushRequest.builder(image.orElse(FlowPlan.BUILT_IMAGE)).targets(targets)
                .retry(new RetryPolicy(retries, RetryPolicy.DEFAULT.initialBackoff(), RetryPolicy.DEFAULT.maxBackoff())).build());
    }

    private static Integer positive(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a number of attempts: use a whole number of at least 1");
    }
}
