package io.jenkins.plugins.dockerci.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** How step setters normalise what Pipeline passes: blank means unset, collections are copied, null means empty. */
final class Texts {

    private Texts() {
    }

    static String orNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String orDefault(String value, String fallback) {
        String trimmed = orNull(value);
        return trimmed == null ? fallback : trimmed;
    }

    static List<String> list(List<?> values) {
        List<String> copy = new ArrayList<>();
        if (values != null) {
            values.stream().filter(Objects::nonNull).map(String::valueOf).forEach(copy::add);
        }
        return copy;
    }

    static Map<String, String> map(Map<?, ?> values) {
        Map<String, String> copy = new TreeMap<>();
        if (values != null) {
            values.forEach((key, value) -> copy.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        }
        return copy;
    }
}
