package io.jenkins.plugins.dockerci.params;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;

/**
 * The image a freestyle build built last, for its later steps: exposed as {@value #IMAGE_VARIABLE} and used as the
 * default image of {@code dockerTest} and {@code dockerPush}. What people see of the build is in
 * {@link io.jenkins.plugins.dockerci.action.BuildSummaryAction}.
 *
 * <p>Stored in {@code build.xml}, so it holds a plain string only (JEP-200).
 */
public final class DockerCiAction extends InvisibleAction implements EnvironmentContributingAction {

    /** The environment variable holding the id of the image the build built last. */
    public static final String IMAGE_VARIABLE = "DOCKER_CI_IMAGE";

    private String imageId;

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
    }

    /** The id of the image built last, or {@code null}. */
    public synchronized String getImageId() {
        return imageId;
    }

    @Override
    public synchronized void buildEnvironment(Run<?, ?> run, EnvVars env) {
        if (imageId != null) {
            env.put(IMAGE_VARIABLE, imageId);
        }
    }
}
