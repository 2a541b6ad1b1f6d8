package io.jenkins.plugins.dockerci.params;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A build secret resolved on the controller, on its way to the node that builds: the id the Dockerfile mounts
 * ({@code RUN --mount=type=secret,id=…}), where the value came from, and the value. {@link #toString()} never shows
 * the value.
 */
public final class BuildSecretValue implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String origin;
    private final byte[] value;

    /**
     * @param id     the secret's id
     * @param origin where the value came from, for messages (e.g. "Jenkins credentials 'npm-token'"); never the value
     * @param value  the value
     */
    public BuildSecretValue(String id, String origin, byte[] value) {
        this.id = Objects.requireNonNull(id, "id");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.value = Objects.requireNonNull(value, "value").clone();
    }

    public String id() {
        return id;
    }

    public String origin() {
        return origin;
    }

    public byte[] value() {
        return value.clone();
    }

    /**
     * What the build's console must hide: the value as text and, for a multi-line value (a secret file), each of its
     * lines, since a tool prints a file line by line.
     */
    public List<String> maskedTexts() {
        String text = new String(value, StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        texts.add(text);
        texts.add(text.strip());
        text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(texts::add);
        texts.removeIf(String::isEmpty);
        return texts;
    }

    @Override
    public String toString() {
        return "BuildSecretValue[" + id + " from " + origin + "=****]";
    }
}
