package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.agent.Jep200;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code dockerPush} put in its registries, as it comes back from the agent and is kept in the build.
 *
 * @param imageId the pushed image
 * @param pushed  one entry per target, in the order given
 */
public record PushOutcome(String imageId, List<Pushed> pushed) implements Serializable {

    public PushOutcome {
        Objects.requireNonNull(imageId, "imageId");
        pushed = Jep200.list(pushed);
    }

    /**
     * One reference the registry accepted.
     *
     * @param reference the target, e.g. {@code registry.example.com/team/app:7}
     * @param digest    the manifest digest the registry reported
     */
    public record Pushed(String reference, String digest) implements Serializable {

        public Pushed {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(digest, "digest");
        }

        /** {@code repository@digest}, for deployments that must not follow a moving tag. */
        public String pinned() {
            int colon = reference.lastIndexOf(':');
            String repository = colon > reference.lastIndexOf('/') ? reference.substring(0, colon) : reference;
            return repository + "@" + digest;
        }
    }
}
