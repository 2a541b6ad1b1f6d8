package io.jenkins.plugins.dockerci.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.dockerci.action.BuildSummaryAction;
import io.jenkins.plugins.dockerci.action.ImageRecord;
import io.jenkins.plugins.dockerci.testsupport.JenkinsDocker;
import io.jenkins.plugins.dockerci.testsupport.Pipelines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code dockerBuild}'s builder and build secrets in a real Jenkins against the real engine: the three credential
 * types reach {@code RUN --mount=type=secret} through BuildKit's session, and no value reaches the console or any file
 * of the build; the classic builder and unusable credentials fail before anything is built, saying what to do.
 */
@WithJenkins
class BuildSecretsIT {

    @RegisterExtension
    static final JenkinsDocker DOCKER = new JenkinsDocker();

    private final String token = "tok-" + UUID.randomUUID();
    private final String netrc = "machine packages.example.com\nlogin ci\npassword net-" + UUID.randomUUID() + "\n";
    private final String password = "pw-" + UUID.randomUUID();

    @Test
    void secretsFromTheThreeCredentialTypesReachTheRunStepAndNoLogOrBuildFile(JenkinsRule r) throws Exception {
        addCredentials();
        WorkflowJob job = Pipelines.job(r, """
                node {
                  %s
                  def image = dockerBuild(noCache: true, secrets: [[id: 'token', credentialsId: 'npm-token'],
                      [id: 'netrc', credentialsId: 'netrc-file'], [id: 'password', credentialsId: 'deploy-login']])
                  echo "built with ${image.builder}"
                }
                """.formatted(Pipelines.dockerfile("""
                RUN --mount=type=secret,id=token --mount=type=secret,id=netrc --mount=type=secret,id=password \\
                    sha256sum /run/secrets/token /run/secrets/netrc /run/secrets/password && cat /run/secrets/token""")));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        // BuildKit caches a RUN step whatever its secrets' values (as docker build does): noCache makes it run here
        r.assertLogContains(sha256(token) + "  /run/secrets/token", run);
        r.assertLogContains(sha256(netrc) + "  /run/secrets/netrc", run);
        r.assertLogContains(sha256(password) + "  /run/secrets/password", run);
        r.assertLogContains("built with buildkit", run);
        assertThat(run.getAction(BuildSummaryAction.class).getImages()).extracting(ImageRecord::getBuilder).containsExactly("buildkit");
        for (String secret : secrets()) {
            r.assertLogNotContains(secret, run);
            assertThat(filesContaining(run.getRootDir().toPath(), secret)).as("build files with a secret value").isEmpty();
        }
    }

    @Test
    void theClassicBuilderWithSecretsFailsBeforeBuildingAndSaysWhatToUse(JenkinsRule r) throws Exception {
        addCredentials();
        WorkflowJob job = Pipelines.job(r, """
                node {
                  %s
                  dockerBuild(builder: 'classic', secrets: [[id: 'token', credentialsId: 'npm-token']])
                }
                """.formatted(Pipelines.dockerfile("RUN --mount=type=secret,id=token true")));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("dockerBuild: Build secrets [token] need BuildKit, but the builder is 'classic': use builder auto"
                + " or buildkit, or remove the secrets.", run);
        r.assertLogNotContains("Step 1/", run);
        r.assertLogNotContains(token, run);
    }

    @Test
    void theClassicBuilderIsUsedWhenAskedForAndRecorded(JenkinsRule r) throws Exception {
        WorkflowJob job = Pipelines.job(r, """
                node {
                  %s
                  echo "built with ${dockerBuild(builder: 'classic').builder}"
                }
                """.formatted(Pipelines.dockerfile("RUN echo classic > /built-by")));

        WorkflowRun run = r.buildAndAssertSuccess(job);

        r.assertLogContains("Step 2/2 : RUN echo classic > /built-by", run);
        r.assertLogContains("built with classic", run);
        assertThat(run.getAction(BuildSummaryAction.class).getImages()).extracting(ImageRecord::getBuilderText)
                .containsExactly("classic builder");
    }

    @Test
    void anUnusableCredentialNamesTheSecretAndTheCredentialsId(JenkinsRule r) throws Exception {
        WorkflowJob job = Pipelines.job(r, """
                node {
                  %s
                  dockerBuild(secrets: [[id: 'token', credentialsId: 'no-such-credential']])
                }
                """.formatted(Pipelines.dockerfile("RUN --mount=type=secret,id=token true")));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("dockerBuild.secrets: build secret 'token': no credentials with ID 'no-such-credential' are"
                + " available to this build.", run);
        r.assertLogNotContains("\tat io.jenkins", run);
    }

    @Test
    void aSecretTheDockerfileMountsButTheStepDoesNotGiveIsNamed(JenkinsRule r) throws Exception {
        WorkflowJob job = Pipelines.job(r, """
                node {
                  %s
                  dockerBuild()
                }
                """.formatted(Pipelines.dockerfile("RUN --mount=type=secret,id=token,required=true cat /run/secrets/token")));

        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);

        r.assertLogContains("The Dockerfile uses build secret(s) [token] that the build was not given: add each to the"
                + " build's 'secrets'.", run);
        r.assertLogNotContains("\tat io.jenkins", run);
    }

    private void addCredentials() throws Exception {
        List<Credentials> credentials = SystemCredentialsProvider.getInstance().getCredentials();
        credentials.add(new StringCredentialsImpl(CredentialsScope.GLOBAL, "npm-token", null, Secret.fromString(token)));
        credentials.add(new FileCredentialsImpl(CredentialsScope.GLOBAL, "netrc-file", null, ".netrc",
                SecretBytes.fromBytes(netrc.getBytes(StandardCharsets.UTF_8))));
        credentials.add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "deploy-login", null, "deploy", password));
        SystemCredentialsProvider.getInstance().save();
    }

    /** The values, and each line of the secret file on its own (a tool may print it line by line). */
    private List<String> secrets() {
        List<String> values = new ArrayList<>(List.of(token, password, netrc.strip()));
        values.add(netrc.lines().filter(line -> line.startsWith("password")).findFirst().orElseThrow().substring("password ".length()));
        return values;
    }

    private static List<Path> filesContaining(Path dir, String text) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, text)).toList();
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            // ISO-8859-1 maps every byte to one char, so this finds the UTF-8 bytes of an ASCII value in any file
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String sha256(String value) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
