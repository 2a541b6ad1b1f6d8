package io.jenkins.plugins.dockerci.steps;

import java.util.ArrayList;
import java.util.List;

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

    /** A mutable copy; {@code null} is the empty list. */
    static <T> List<T> copy(List<T> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values);
    }
}
