package io.jenkins.plugins.dockerci.cli.flow;

import io.jenkins.plugins.dockerci.engine.RunContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who runs the CLI and where it keeps its state: one owner id per user and machine (so {@code docker-ci reap} only
 * ever removes this user's leftovers), fresh run ids, and the state folder for ledgers.
 *
 * @param ownerId  {@code $DOCKER_CI_OWNER}, else {@code cli-<user>-<hash of host>}
 * @param stateDir {@code $DOCKER_CI_HOME}, else {@code ${XDG_STATE_HOME:-~/.local/state}/docker-ci}
 */
public record CliIdentity(String ownerId, Path stateDir) {

    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** The identity for this process's user, host and environment. */
    public static CliIdentity of(Map<String, String> env) {
        String user = env.getOrDefault("USER", System.getProperty("user.name", "user"));
        String home = System.getProperty("user.home");
        Path state = env.get("DOCKER_CI_HOME") != null ? Path.of(env.get("DOCKER_CI_HOME"))
                : Path.of(env.getOrDefault("XDG_STATE_HOME", Path.of(home, ".local", "state").toString()), "docker-ci");
        String owner = env.get("DOCKER_CI_OWNER");
        return new CliIdentity(owner != null && !owner.isBlank() ? owner : "cli-" + sanitize(user) + "-" + hostHash(), state);
    }

    /** A new run of this owner. */
    public RunContext newRun(Clock clock) {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
        return new RunContext(ownerId, "cli-" + RUN_TIME.format(clock.instant()) + "-" + suffix);
    }

    /** Where ledgers and the marks of running runs are kept. */
    public Path runsDir() {
        return stateDir.resolve("runs");
    }

    private static String sanitize(String value) {
        String cleaned = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "_");
        return cleaned.isEmpty() ? "user" : cleaned.substring(0, Math.min(cleaned.length(), 32));
    }

    private static String hostHash() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(host.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
