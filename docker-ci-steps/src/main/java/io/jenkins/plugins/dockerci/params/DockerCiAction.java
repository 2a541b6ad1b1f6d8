package io.jenkins.plugins.dockerci.params;

import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.InvisibleAction;
import hudson.model.Run;

/**
 * What later steps of a freestyle build see of its Docker steps: the image built last, exposed as
 * {@value #IMAGE_VARIABLE} and used as the default image of {@code dockerTest} and {@code dockerPush}, and the exit code
 * of the last test run, as {@value #EXIT_CODE_VARIABLE}. What people see of the build is in
 * {@link io.jenkins.plugins.dockerci.action.BuildSummaryAction}.
 *
 * <p>Stored in {@code build.xml}, so it holds plain values only (JEP-200).
 */
public final class DockerCiAction extends InvisibleAction implements EnvironmentContributingAction {

    /** The environment variable holding the id of the image the build built last. */
    public static final String IMAGE_VARIABLE = "DOCKER_CI_IMAGE";
    /** The environment variable holding the exit code of the build's last test run. */
    public static final String EXIT_CODE_VARIABLE = "DOCKER_CI_TEST_EXIT_CODE";

    private String imageId;
    private Integer exitCode;

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

    /** Records the exit code of a test run; it becomes {@value #EXIT_CODE_VARIABLE} for later steps. */
    public synchronized void recordExitCode(int code) {
        exitCode = code;
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
        if (exitCode != null) {
            env.put(EXIT_CODE_VARIABLE, exitCode.toString());
        }
    }
}
