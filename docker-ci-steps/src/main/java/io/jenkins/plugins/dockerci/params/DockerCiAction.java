package io.jenkins.plugins.dockerci.params;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a build did with Docker that later steps and people need: the image it built last (exposed to later steps as
 * {@value #IMAGE_VARIABLE}) and every reference it pushed, with its digest.
 *
 * <p>Stored in {@code build.xml}, so it holds plain fields only: strings and {@link ArrayList}s of this plugin's classes
 * (JEP-200; records cannot be restored by XStream).
 */
public final class DockerCiAction extends InvisibleAction implements EnvironmentContributingAction {

    /** The environment variable holding the id of the image the build built last. */
    public static final String IMAGE_VARIABLE = "DOCKER_CI_IMAGE";

    private String imageId;
    private ArrayList<String> tags = new ArrayList<>();
    private ArrayList<PushedImage> pushed = new ArrayList<>();

    /** The action of {@code run}, added to it if it has none yet. */
    public static DockerCiAction of(Run<?, ?> run) {
        DockerCiAction action = run.getAction(DockerCiAction.class);
        if (action == null) {
            action = new DockerCiAction();
            run.addAction(action);
        }
        return action;
    }

    /** The image {@code run} built last, or {@code null}. */
    public static String builtImage(Run<?, ?> run) {
        DockerCiAction action = run.getAction(DockerCiAction.class);
        return action == null ? null : action.getImageId();
    }

    /** Records the image a build step made; it becomes the default image of later steps. */
    public synchronized void recordBuild(BuildOutcome outcome) {
        imageId = outcome.imageId();
        tags = new ArrayList<>(outcome.tags());
    }

    /** Records what a push step put in its registries. */
    public synchronized void recordPush(PushOutcome outcome) {
        outcome.pushed().forEach(p -> pushed.add(new PushedImage(p.reference(), p.digest())));
    }

    /** The id of the image built last, or {@code null}. */
    public synchronized String getImageId() {
        return imageId;
    }

    /** The tags of the image built last. */
    public synchronized List<String> getTags() {
        return Collections.unmodifiableList(new ArrayList<>(tags));
    }

    /** Every reference pushed so far, in order. */
    public synchronized List<PushedImage> getPushed() {
        return Collections.unmodifiableList(new ArrayList<>(pushed));
    }

    @Override
    public synchronized void buildEnvironment(Run<?, ?> run, EnvVars env) {
        if (imageId != null) {
            env.put(IMAGE_VARIABLE, imageId);
        }
    }

    /** One reference a build pushed. */
    public static final class PushedImage {
        private final String reference;
        private final String digest;

        public PushedImage(String reference, String digest) {
            this.reference = reference;
            this.digest = digest;
        }

        /** The reference, e.g. {@code registry.example.com/team/app:7}. */
        public String getReference() {
            return reference;
        }

        /** The manifest digest the registry reported. */
        public String getDigest() {
            return digest;
        }

        @Override
        public String toString() {
            return reference + "@" + digest;
        }
    }
}
