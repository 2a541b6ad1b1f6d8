package io.jenkins.plugins.dockerci.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Jenkins started from {@code jenkins.war} in its own JVM, the way an admin runs it ({@code java -jar
 * jenkins.war}), on a free port of 127.0.0.1, with a fresh {@code JENKINS_HOME} and its temporary files in a folder
 * of its own. {@link #close()} stops it and deletes that folder; its output stays in a log file beside the folder.
 */
public final class InstalledJenkins implements AutoCloseable {

    /** Prepares a fresh {@code JENKINS_HOME} (plugins, init scripts) before Jenkins first starts in it. */
    @FunctionalInterface
    public interface HomeSetup {
        void prepare(Path home) throws IOException;
    }

    private static final Duration STOP_LIMIT = Duration.ofSeconds(60);

    private final Path root;
    private final Path log;
    private final Process process;
    private final URI url;
    // a test JVM that exits without close() (killed by a timeout, Ctrl-C) must not leave Jenkins running
    private final Thread stopOnExit;

    private InstalledJenkins(Path root, Path log, Process process, URI url) {
        this.root = root;
        this.log = log;
        this.process = process;
        this.url = url;
        this.stopOnExit = new Thread(process::destroyForcibly, "stop " + root.getFileName());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Starts Jenkins and waits until it serves its login page (it answers 503 while it loads plugins and runs the
     * init scripts).
     *
     * @param war          the {@code jenkins.war} to run
     * @param parent       where the instance's folder ({@code JENKINS_HOME}, temporary files, web root) and log go
     * @param setup        what goes into the home before the first start
     * @param startupLimit how long loading may take before the start counts as failed
     * @throws IllegalStateException with the end of Jenkins' output when it exits or does not come up in time
     */
    public static InstalledJenkins start(Path war, Path parent, HomeSetup setup, Duration startupLimit) throws IOException {
        String id = "jenkins-" + UUID.randomUUID().toString().substring(0, 8);
        Path root = parent.resolve(id);
        Path home = Files.createDirectories(root.resolve("home"));
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        setup.prepare(home);
        int port = freePort();
        Path log = parent.resolve(id + ".log");
        ProcessBuilder command = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-Djava.awt.headless=true",
                "-Djava.io.tmpdir=" + tmp,
                "-Djenkins.install.runSetupWizard=false",
                // nothing but 127.0.0.1: no update-site or tool metadata (the daily check runs right at start-up, and
                // the default site's URL points at a closed loopback port in case anything asks anyway), no usage
                // statistics, no inbound agent port
                "-Dhudson.model.UpdateCenter.never=true",
                "-Dhudson.model.DownloadService.never=true",
                "-Dhudson.model.UpdateCenter.updateCenterUrl=http://127.0.0.1:9/",
                "-Dhudson.model.UsageStatistics.disabled=true",
                "-Djenkins.model.Jenkins.slaveAgentPort=-1",
                "-jar", war.toString(),
                "--httpListenAddress=127.0.0.1",
                "--httpPort=" + port,
                "--webroot=" + root.resolve("war")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        command.environment().put("JENKINS_HOME", home.toString());
        InstalledJenkins jenkins = new InstalledJenkins(root, log, command.start(), URI.create("http://127.0.0.1:" + port + "/"));
        try {
            jenkins.awaitLoginPage(startupLimit);
            return jenkins;
        } catch (RuntimeException | InterruptedException e) {
            jenkins.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("Jenkins did not come up: " + e.getMessage() + "\n" + jenkins.logTail(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return url;
    }

    /** The instance's {@code JENKINS_HOME}. */
    public Path home() {
        return root.resolve("home");
    }

    /** Jenkins' own output (stdout and stderr); kept after {@link #close()}. */
    public Path log() {
        return log;
    }

    /** The last lines of Jenkins' output, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private void awaitLoginPage(Duration limit) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Jenkins process exited with " + process.exitValue());
            }
            if (loginPageAnswers(client)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no login page at " + url + " within " + limit);
            }
            Thread.sleep(500);
        }
    }

    private boolean loginPageAnswers(HttpClient client) throws InterruptedException {
        try {
            HttpRequest login = HttpRequest.newBuilder(url.resolve("login")).timeout(Duration.ofSeconds(10)).build();
            return client.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    /** Stops Jenkins (as its service would: SIGTERM, which shuts it down cleanly) and deletes its folder. */
    @Override
    public void close() {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteRecursively(root);
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the test Jenkins' folder " + folder, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
