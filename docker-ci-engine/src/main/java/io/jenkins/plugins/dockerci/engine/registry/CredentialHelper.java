package io.jenkins.plugins.dockerci.engine.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A Docker credential helper ({@code docker-credential-<name>}), run the way the Docker CLI runs it: {@code get}
 * reads the registry's address on stdin and prints {@code {"ServerURL":…,"Username":…,"Secret":…}}; {@code list}
 * prints {@code {"<address>":"<username>",…}}. A {@code get} that exits non-zero saying "credentials not found in
 * native keychain" means the helper has none for that registry; any other failure is an error naming the helper.
 */
final class CredentialHelper {

    /** What helpers print when they have nothing for a registry (docker-credential-helpers' {@code ErrCredentialsNotFound}). */
    static final String NOT_FOUND = "credentials not found in native keychain";
    /** The username helpers store with an identity token instead of a password. */
    static final String TOKEN_USERNAME = "<token>";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_OUTPUT = 1 << 20;
    private static final int MAX_QUOTED = 300;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String program;
    private final Path executable;
    private final Map<String, String> env;

    private CredentialHelper(String program, Path executable, Map<String, String> env) {
        this.program = program;
        this.executable = executable;
        this.env = env;
    }

    /**
     * The helper called {@code name}, found on the {@code PATH} of {@code env}.
     *
     * @param configuredBy where the name comes from, for the message (e.g. "credsStore in /home/me/.docker/config.json")
     * @throws DockerCiException when the name is not a helper name or no such program is on the PATH
     */
    static CredentialHelper find(String name, Map<String, String> env, String configuredBy) {
        if (!NAME.matcher(name).matches()) {
            throw new DockerCiException("'" + name + "' (" + configuredBy + ") is not a credential helper name: it names the"
                    + " program docker-credential-<name>, e.g. 'pass' or 'desktop'. Correct it, or remove the entry.");
        }
        String program = "docker-credential-" + name;
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return new CredentialHelper(program, candidate, Map.copyOf(env));
                }
            }
        }
        throw new DockerCiException("The credential helper " + program + " (" + configuredBy + ") is not on the PATH (" + path
                + "). Install it, or remove it from the Docker configuration and log in again with 'docker login'.");
    }

    /** The program's name, e.g. {@code docker-credential-pass}. */
    String program() {
        return program;
    }

    /**
     * The credentials the helper keeps for {@code serverAddress}, empty when it has none.
     *
     * @param serverAddress the address as the Docker CLI sends it ({@link RegistryHosts#authKey(String)})
     * @throws DockerCiException when the helper fails, hangs or answers something that is not its protocol
     */
    Optional<RegistryCredentials> get(String serverAddress) {
        Output out = run("get", serverAddress);
        return parseGet(out.exitCode(), out.stdout(), out.stderr(), program + " get (for " + serverAddress + ")");
    }

    /**
     * Every address the helper keeps credentials for, with its username.
     *
     * @throws DockerCiException when the helper fails, hangs or answers something that is not its protocol
     */
    Map<String, String> list() {
        Output out = run("list", "unused");
        if (out.exitCode() != 0) {
            throw failed(program + " list", out.exitCode(), out.stdout(), out.stderr());
        }
        return parseList(out.stdout(), program + " list");
    }

    /** The outcome of {@code get}: credentials, none ({@link #NOT_FOUND}, or an empty secret), or an error. */
    static Optional<RegistryCredentials> parseGet(int exitCode, String stdout, String stderr, String what) {
        if (exitCode != 0) {
            if (stdout.strip().equals(NOT_FOUND) || stderr.strip().equals(NOT_FOUND)) {
                return Optional.empty();
            }
            throw failed(what, exitCode, stdout, stderr);
        }
        JsonNode answer = json(stdout, what);
        String username = field(answer, "Username");
        String secret = field(answer, "Secret");
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        if (username.equals(TOKEN_USERNAME)) {
            return Optional.of(RegistryCredentials.identityToken(secret));
        }
        if (username.isEmpty()) {
            throw new DockerCiException(what + " answered a secret without a username; store the credentials again with 'docker login'.");
        }
        return Optional.of(RegistryCredentials.usernamePassword(username, secret));
    }

    /** The outcome of {@code list}: address to username. */
    static Map<String, String> parseList(String stdout, String what) {
        JsonNode answer = json(stdout, what);
        Map<String, String> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = answer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            entries.put(entry.getKey(), entry.getValue().isTextual() ? entry.getValue().asText() : "");
        }
        return entries;
    }

    private static JsonNode json(String stdout, String what) {
        try {
            JsonNode node = JSON.readTree(stdout);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IOException notJson) {
            // reported below, without quoting: the output may hold a secret
        }
        throw new DockerCiException(what + " did not answer with a JSON object as credential helpers do; check the"
                + " helper by running it by hand.");
    }

    private static String field(JsonNode answer, String name) {
        JsonNode value = answer.get(name);
        return value != null && value.isTextual() ? value.asText() : "";
    }

    private static DockerCiException failed(String what, int exitCode, String stdout, String stderr) {
        String said = (stdout.strip() + " " + stderr.strip()).strip();
        if (said.length() > MAX_QUOTED) {
            said = said.substring(0, MAX_QUOTED) + "…";
        }
        return new DockerCiException(what + " failed with exit code " + exitCode + (said.isEmpty() ? "" : ": " + said)
                + ". Check that the credential helper works for this user (e.g. that its store is unlocked), or log in"
                + " again with 'docker login'.");
    }

    private record Output(int exitCode, String stdout, String stderr) {
    }

    private Output run(String command, String input) {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), command);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DockerCiException("Cannot run the credential helper " + executable + ": " + e.getMessage()
                    + ". Check that it is executable by this user.", e);
        }
        // both pipes drained on threads of their own, so a helper that writes much to one never blocks on the other
        FutureTask<String> stdout = reader(process.getInputStream(), command + "-stdout");
        FutureTask<String> stderr = reader(process.getErrorStream(), command + "-stderr");
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        } catch (IOException ignored) {
            // a helper that exits without reading its input is judged by its exit code and output below
        }
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new DockerCiException(program + " " + command + " did not answer within " + TIMEOUT.toSeconds()
                        + " s; it may be waiting for its store to be unlocked. Unlock it, or log in again with 'docker login'.");
            }
            return new Output(process.exitValue(), stdout.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                    stderr.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DockerCiException("Interrupted while asking " + program + " for credentials.", e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new DockerCiException("Cannot read the answer of " + program + " " + command + ": " + e.getMessage(), e);
        }
    }

    private FutureTask<String> reader(InputStream stream, String what) {
        FutureTask<String> task = new FutureTask<>(() -> readAll(stream));
        Thread thread = new Thread(task, program + "-" + what);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private static String readAll(InputStream stream) {
        try (InputStream in = stream) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT);
            in.transferTo(OutputStream.nullOutputStream());
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
