package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text forms of list and map parameters, as a freestyle form (or a YAML scalar) writes them: lists one item per
 * line (commas separate too), maps one {@code NAME=value} per line. Blank lines and lines starting with {@code #} are
 * ignored. Errors are {@link InvalidRequestException}s naming the parameter and the line.
 */
public final class FormText {

    private FormText() {
    }

    /** The items of a list written one per line or separated by commas; {@code null} or blank is the empty list. */
    public static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String line : lines(text)) {
            for (String item : line.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    /**
     * The entries of a map written one {@code NAME=value} per line (the value may be empty and may contain '=').
     *
     * @param what the parameter, for the error message, e.g. {@code "dockerBuild.buildArgs"}
     */
    public static Map<String, String> assignments(String text, String what) {
        Map<String, String> entries = new LinkedHashMap<>();
        int number = 0;
        for (String line : (text == null ? "" : text).split("\\R", -1)) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new InvalidRequestException(Messages.ParameterSyntax_notAnAssignment(what, number, trimmed));
            }
            String name = trimmed.substring(0, eq).strip();
            if (entries.containsKey(name)) {
                throw new InvalidRequestException(Messages.FormText_duplicate(what, number, name));
            }
            entries.put(name, trimmed.substring(eq + 1));
        }
        return entries;
    }

    /** The ports of a list written one per line or separated by commas. */
    public static List<Integer> ports(String text, String what) {
        List<Integer> ports = new ArrayList<>();
        for (String item : list(text)) {
            ports.add(port(item, what));
        }
        return ports;
    }

    /** A TCP port number. */
    public static int port(String text, String what) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below says what is accepted
        }
        throw new InvalidRequestException(Messages.FormText_notAPort(what, text));
    }

    /** {@code null} for a blank value, the trimmed value otherwise. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** One item per line; blank lines and {@code #} comments are ignored. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                lines.add(trimmed);
            }
        }
        return lines;
    }
}
