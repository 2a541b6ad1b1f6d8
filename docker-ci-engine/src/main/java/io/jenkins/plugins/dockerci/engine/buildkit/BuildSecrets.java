package io.jenkins.plugins.dockerci.engine.buildkit;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The build secrets a Dockerfile reads with {@code RUN --mount=type=secret,id=…}: each id with where its value comes
 * from. BuildKit asks the build's session for a value when a step mounts it, so a value is never part of the build
 * request, the image, its history or its labels.
 *
 * <p>Values are read once, when the build starts ({@link #read()}), so a missing file fails the build before anything
 * is sent and the build log can mask every value. Neither {@link #toString()} nor any message shows a value.
 */
public final class BuildSecrets {

    private static final BuildSecrets NONE = new BuildSecrets(Map.of());
    // what the docker CLI and BuildKit accept as ids in practice; it also keeps ids out of shell and path trouble
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final Map<String, Secret> secrets;

    private BuildSecrets(Map<String, Secret> secrets) {
        this.secrets = secrets;
    }

    /** Where a secret's value comes from. */
    @FunctionalInterface
    public interface Source {

        /** The value; called once per build. */
        byte[] read() throws IOException;
    }

    /** No secrets. */
    public static BuildSecrets none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The ids, in the order they were given. */
    public Set<String> ids() {
        return secrets.keySet();
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /**
     * Reads every value.
     *
     * @throws InvalidRequestException naming the secret and its origin when a value cannot be read or is empty
     */
    Values read() {
        Map<String, byte[]> values = new LinkedHashMap<>();
        secrets.forEach((id, secret) -> {
            byte[] value;
            try {
                value = secret.source().read();
            } catch (IOException e) {
                throw new InvalidRequestException("Build secret '" + id + "' could not be read from " + secret.origin() + ": "
                        + e.getMessage() + ". Check that it exists and that this process may read it.");
            }
            if (value == null || value.length == 0) {
                throw new InvalidRequestException("Build secret '" + id + "' from " + secret.origin() + " is empty. Give it a"
                        + " value, or remove it from 'secrets' if the Dockerfile does not use it.");
            }
            values.put(id, value);
        });
        return new Values(values);
    }

    @Override
    public String toString() {
        return secrets.entrySet().stream().map(e -> e.getKey() + " from " + e.getValue().origin() + "=" + SecretMasker.MASK)
                .collect(Collectors.joining(", ", "BuildSecrets[", "]"));
    }

    private record Secret(String origin, Source source) {
    }

    /** The values of one build, by id; never logged. */
    static final class Values {
        private final Map<String, byte[]> values;

        private Values(Map<String, byte[]> values) {
            this.values = values;
        }

        /** The value of {@code id}, or {@code null} when the build has no such secret. */
        byte[] get(String id) {
            byte[] value = values.get(id);
            return value == null ? null : value.clone();
        }

        /** The values as text, for masking them in the build log. */
        Set<String> texts() {
            return values.values().stream().map(v -> new String(v, StandardCharsets.UTF_8))
                    .collect(Collectors.toUnmodifiableSet());
        }

        @Override
        public String toString() {
            return "Values" + values.keySet();
        }
    }

    /** Collects secrets; each id at most once. */
    public static final class Builder {
        private final Map<String, Secret> secrets = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * A secret whose value is known now (an environment variable, a Jenkins credential).
         *
         * @param origin where the value came from, for messages (e.g. "environment variable NPM_TOKEN"); never the value
         */
        public Builder value(String id, String value, String origin) {
            Objects.requireNonNull(value, () -> "build secret " + id + " has no value");
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            return source(id, origin, () -> bytes);
        }

        /** A secret read from a file when the build starts (like {@code docker build --secret id=…,src=file}). */
        public Builder file(String id, Path file) {
            Path absolute = file.toAbsolutePath();
            return source(id, "file " + absolute, () -> Files.readAllBytes(absolute));
        }

        /**
         * A secret from any source.
         *
         * @throws InvalidRequestException when the id is invalid or already given
         */
        public Builder source(String id, String origin, Source source) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new InvalidRequestException("Invalid build secret id '" + id + "': use letters, digits, '_', '.' and '-'"
                        + " (at most 128), as in RUN --mount=type=secret,id=npm_token.");
            }
            if (secrets.containsKey(id)) {
                throw new InvalidRequestException("Build secret '" + id + "' is given twice; give each id once.");
            }
            secrets.put(id, new Secret(Objects.requireNonNull(origin, "origin"), Objects.requireNonNull(source, "source")));
            return this;
        }

        public BuildSecrets build() {
            return secrets.isEmpty() ? NONE : new BuildSecrets(Collections.unmodifiableMap(new LinkedHashMap<>(secrets)));
        }
    }
}
