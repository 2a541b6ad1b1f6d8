package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.buildkit.BuildSecrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code dockerBuild.secrets}: build secrets for {@code RUN --mount=type=secret,id=…}, each
 * {@code {id: token, env: TOKEN_VAR}} (the value of an environment variable) or {@code {id: npmrc, file: .npmrc}}
 * (a file, relative to the YAML file's directory, read when the build starts). Values never come from the file
 * itself.
 */
final class SecretsSection {

    static final List<String> KEYS = List.of("id", "env", "file");
    // keys people try for an inline value: each gets the explanation instead of "unknown key"
    private static final List<String> VALUE_KEYS = List.of("value", "secret", "password", "token");

    private SecretsSection() {
    }

    /** The secrets; empty when the section is missing. Problems (with their YAML paths) go to {@code r}. */
    static Optional<BuildSecrets> read(ConfigNode secrets, Reading r) {
        BuildSecrets.Builder builder = BuildSecrets.builder();
        for (ConfigNode secret : secrets.items(r.problems())) {
            if (!secret.isMapping()) {
                r.problem(secret, "a secret is a mapping: {id: token, env: TOKEN_VAR} or {id: npmrc, file: .npmrc}");
                continue;
            }
            readSecret(secret, r, builder);
        }
        return r.check(secrets, builder::build);
    }

    private static void readSecret(ConfigNode secret, Reading r, BuildSecrets.Builder builder) {
        List<String> known = new ArrayList<>(KEYS);
        known.addAll(VALUE_KEYS);
        secret.allowOnly(known, r.problems());
        for (String inline : VALUE_KEYS) {
            if (!secret.get(inline).isMissing()) {
                r.problem(secret.get(inline), "never write a secret's value into the file: name an environment variable"
                        + " (env: TOKEN_VAR) or a file (file: .npmrc)");
            }
        }
        Optional<String> id = r.text(secret.get("id"));
        Optional<String> env = r.text(secret.get("env"));
        Optional<String> file = r.text(secret.get("file"));
        if (id.isEmpty()) {
            r.problem(secret, "the secret has no 'id': give the id the Dockerfile mounts, as in RUN --mount=type=secret,id=token");
            return;
        }
        if (env.isPresent() == file.isPresent()) {
            r.problem(secret, "give exactly one of env (an environment variable) or file (a path) for secret '" + id.get() + "'");
            return;
        }
        if (env.isPresent()) {
            String value = r.env().get(env.get());
            if (value == null) {
                r.problem(secret.get("env"), "environment variable " + env.get() + " (secret '" + id.get()
                        + "') is not set; export it before running docker-ci");
                return;
            }
            r.check(secret, () -> builder.value(id.get(), value, "environment variable " + env.get()));
            return;
        }
        Path path = r.baseDir().resolve(file.get()).normalize();
        if (!Files.isRegularFile(path)) {
            r.problem(secret.get("file"), "secret file " + path + " does not exist; 'file' is relative to " + r.baseDir());
            return;
        }
        r.check(secret, () -> builder.file(id.get(), path));
    }
}
