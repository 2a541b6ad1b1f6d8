package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import java.util.List;
import java.util.Objects;

/**
 * What a push did: the image, each target with the digest the registry reported, and the tags the push added
 * locally (they are also reported to the run's {@link io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker}, so
 * cleanup removes them).
 *
 * @param imageId   the id of the pushed image ({@code sha256:…})
 * @param imageSize the image's size on the engine, in bytes
 * @param pushed    one entry per target, in the request's order
 * @param addedTags the local tags the push created (targets the image already carried are not included)
 */
public record PushResult(String imageId, long imageSize, List<PushedTag> pushed, List<ImageReference> addedTags) {

    public PushResult {
        Objects.requireNonNull(imageId, "imageId");
        pushed = List.copyOf(pushed);
        addedTags = List.copyOf(addedTags);
    }

    /** The references that are now in their registries, in the request's order. */
    public List<ImageReference> pushedReferences() {
        return pushed.stream().map(PushedTag::reference).toList();
    }

    /**
     * One target that the registry accepted.
     *
     * @param reference    the target, e.g. {@code 127.0.0.1:5000/team/app:1}
     * @param digest       the manifest digest the registry reported ({@code sha256:…})
     * @param manifestSize the size of that manifest in bytes, as the registry reported it
     */
    public record PushedTag(ImageReference reference, String digest, long manifestSize) {

        public PushedTag {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(digest, "digest");
        }

        /** The immutable reference {@code repository@digest}, for deployments that must not follow a moving tag. */
        public ImageReference pinned() {
            return new ImageReference(reference.domain(), reference.path(), null, digest);
        }
    }
}
