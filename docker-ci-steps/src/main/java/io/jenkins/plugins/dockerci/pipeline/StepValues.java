package io.jenkins.plugins.dockerci.pipeline;

import io.jenkins.plugins.dockerci.params.FormText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How step setters normalise what they get: blank means unset, and a list or map comes either from a Jenkinsfile
 * (a collection) or from the snippet generator's form (text).
 */
final class StepValues {

    private StepValues() {
    }

    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String orDefault(String value, String fallback) {
        String trimmed = orNull(value);
        return trimmed == null ? fallback : trimmed;
    }

    /** A Jenkinsfile list, or the snippet generator's text (one item per line or comma-separated). */
    static List<String> list(Object values) {
        List<String> copy = new ArrayList<>();
        if (values instanceof Collection<?> items) {
            items.stream().filter(Objects::nonNull).map(String::valueOf).forEach(copy::add);
        } else if (values != null) {
            copy.addAll(FormText.list(String.valueOf(values)));
        }
        return copy;
    }

    /**
     * A Jenkinsfile map, or the snippet generator's text (one {@code NAME=value} per line).
     *
     * @param what the parameter, for the error message
     */
    static Map<String, String> map(Object values, String what) {
        Map<String, String> copy = new TreeMap<>();
        if (values instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> copy.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (values != null) {
            copy.putAll(FormText.assignments(String.valueOf(values), what));
        }
        return copy;
    }
}
