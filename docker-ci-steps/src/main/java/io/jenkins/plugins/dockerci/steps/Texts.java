package io.jenkins.plugins.dockerci.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** How data-bound setters normalise what forms and Jenkinsfiles give them: blank means unset. */
final class Texts {

    private Texts() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String orDefault(String value, String fallback) {
        String trimmed = blankToNull(value);
        return trimmed == null ? fallback : trimmed;
    }

    /** A mutable copy without blank items; {@code null} is the empty list. */
    static List<String> items(List<String> values) {
        List<String> copy = new ArrayList<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).forEach(copy::add);
        }
        return copy;
    }

    /** An argument vector as given: an empty argument means something (e.g. {@code --save ""}); {@code null} is none. */
    static List<String> arguments(List<String> values) {
        List<String> copy = new ArrayList<>();
        if (values != null) {
            values.stream().filter(Objects::nonNull).forEach(copy::add);
        }
        return copy;
    }

    /** A mutable copy; {@code null} is the empty list. */
    static <T> List<T> copy(List<T> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }
}
