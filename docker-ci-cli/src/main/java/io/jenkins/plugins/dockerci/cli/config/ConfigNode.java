package io.jenkins.plugins.dockerci.cli.config;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A node of a YAML document that knows its path and line, so every problem can say where it is.
 *
 * <p>Reading never throws for a wrong shape: accessors record a {@link Problem} in the given list and return an
 * empty value, so validation reports every problem of a file at once.
 */
public final class ConfigNode {

    private final Node node;
    private final String path;
    private final int line;

    private ConfigNode(Node node, String path, int line) {
        this.node = node;
        this.path = path;
        this.line = line;
    }

    /** Parses a document; a syntax error becomes a problem and an empty root. */
    public static ConfigNode parse(Reader yaml, List<Problem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        try {
            Node root = new Yaml(new SafeConstructor(options)).compose(yaml);
            return new ConfigNode(root, "", 1);
        } catch (MarkedYAMLException e) {
            int at = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problems.add(new Problem("(file)", at, "not valid YAML: " + e.getProblem()
                    + (e.getContext() != null ? " (" + e.getContext() + ")" : "")));
            return new ConfigNode(null, "", 0);
        }
    }

    public String path() {
        return path.isEmpty() ? "(root)" : path;
    }

    public int line() {
        return line;
    }

    public boolean isMissing() {
        return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !isMissing();
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** The child under {@code key}; a missing node (with this node's line) when there is none. */
    public ConfigNode get(String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return child(tuple.getValueNode(), key);
                }
            }
        }
        return new ConfigNode(null, join(key), line);
    }

    /** A problem at this node. */
    public Problem problem(String message) {
        return new Problem(path(), line, message);
    }

    /**
     * Records a problem for every key not in {@code allowed} (suggesting the closest allowed one) and for every key
     * given twice.
     */
    public void allowOnly(Collection<String> allowed, List<Problem> problems) {
        if (!(node instanceof MappingNode mapping)) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(tuple.getKeyNode());
            if (!seen.add(key)) {
                problems.add(new Problem(join(key), tuple.getKeyNode().getStartMark().getLine() + 1,
                        "'" + key + "' is given more than once; keep one"));
            } else if (!allowed.contains(key)) {
                String hint = closest(key, allowed).map(s -> " Did you mean '" + s + "'?").orElse("")
                        + " Allowed here: " + String.join(", ", allowed) + ".";
                problems.add(new Problem(join(key), tuple.getKeyNode().getStartMark().getLine() + 1,
                        "unknown key '" + key + "'." + hint));
            }
        }
    }

    /** The scalar text, or empty (with a problem if the node is not a scalar). */
    public Optional<String> text(List<Problem> problems) {
        if (isMissing()) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problems.add(problem("expected a single value, found a " + (isSequence() ? "list" : "mapping")));
        return Optional.empty();
    }

    /** A boolean ({@code true}/{@code false}), or the default. */
    public boolean bool(boolean defaultValue, List<Problem> problems) {
        Optional<String> value = text(problems);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problems.add(problem("expected true or false, found '" + value.get() + "'"));
                yield defaultValue;
            }
        };
    }

    /** The items of a list; a single scalar counts as a list of one. */
    public List<ConfigNode> items(List<Problem> problems) {
        if (isMissing()) {
            return List.of();
        }
        if (node instanceof SequenceNode sequence) {
            List<ConfigNode> items = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                items.add(new ConfigNode(item, path + "[" + i + "]", item.getStartMark().getLine() + 1));
            }
            return items;
        }
        if (node instanceof ScalarNode) {
            return List.of(this);
        }
        problems.add(problem("expected a list"));
        return List.of();
    }

    /** A list of strings. */
    public List<String> strings(List<Problem> problems) {
        List<String> values = new ArrayList<>();
        for (ConfigNode item : items(problems)) {
            item.text(problems).ifPresent(values::add);
        }
        return values;
    }

    /** The entries of a mapping, in file order. */
    public Map<String, ConfigNode> entries(List<Problem> problems) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        if (isMissing()) {
            return entries;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                entries.put(key, child(tuple.getValueNode(), key));
            }
            return entries;
        }
        problems.add(problem("expected a mapping of names to values"));
        return entries;
    }

    /** A mapping of names to single values, e.g. build args or environment variables. */
    public Map<String, String> stringMap(List<Problem> problems) {
        Map<String, String> values = new LinkedHashMap<>();
        entries(problems).forEach((key, value) -> values.put(key, value.text(problems).orElse("")));
        return values;
    }

    private ConfigNode child(Node child, String key) {
        return new ConfigNode(child, join(key), child.getStartMark().getLine() + 1);
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Optional<String> closest(String key, Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> distance(key.toLowerCase(), c.toLowerCase()) <= Math.max(2, key.length() / 3))
                .min(Comparator.comparingInt(c -> distance(key.toLowerCase(), c.toLowerCase())));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
