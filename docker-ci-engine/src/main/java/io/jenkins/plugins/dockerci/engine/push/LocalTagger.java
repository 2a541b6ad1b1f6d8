package io.jenkins.plugins.dockerci.engine.push;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.EngineContext;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.util.ArrayList;
import java.util.List;

/** Gives the image each target as a local tag (the engine pushes tags, not ids), recording every tag it adds. */
final class LocalTagger {

    private final EngineContext ctx;

    LocalTagger(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Tags {@code image} with each target it does not carry yet.
     *
     * @return the tags added, which cleanup must remove (tags the image already had are left out)
     */
    List<ImageReference> tag(InspectImageResponse image, List<ImageReference> targets, LogSink log) {
        List<String> existing = image.getRepoTags() == null ? List.of() : image.getRepoTags();
        List<ImageReference> added = new ArrayList<>();
        for (ImageReference target : targets) {
            String name = target.toString();
            if (existing.contains(name)) {
                continue;
            }
            ctx.tracker().creating(ResourceKind.TAG, name);
            try {
                ctx.docker().tagImageCmd(image.getId(), target.familiarName(), target.tag()).withForce(true).exec();
            } catch (DockerException e) {
                throw new DockerCiException("Cannot tag image " + shortId(image.getId()) + " as " + name + ": " + e.getMessage()
                        + ". Check that the image still exists and that nothing else removes it during the build.", e);
            }
            ctx.tracker().created(ResourceKind.TAG, name, image.getId());
            added.add(target);
            log.info("Tagged " + shortId(image.getId()) + " as " + name);
        }
        return added;
    }

    static String shortId(String imageId) {
        String hex = imageId.startsWith("sha256:") ? imageId.substring("sha256:".length()) : imageId;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
