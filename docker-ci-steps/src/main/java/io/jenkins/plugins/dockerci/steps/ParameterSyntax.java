package io.jenkins.plugins.dockerci.steps;

import hudson.model.Descriptor;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.params.FormText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.structs.describable.UninstantiatedDescribable;

/**
 * How the typed list and map parameters of one step (or nested block) are written by people, and how that writing
 * becomes the typed value. One object per Describable class, shared by its Pipeline syntax, its forms (freestyle and
 * the Snippet Generator) and its views:
 * <ul>
 *   <li>a <em>map</em> parameter is a {@code List<NameValue>}: a Jenkinsfile writes {@code [NAME: 'value']}, a form
 *       one {@code NAME=value} per line;</li>
 *   <li>an <em>item list</em> ({@code List<String>} or {@code List<Integer>}) is one item per line in a form (commas
 *       separate too), a Groovy list in a Jenkinsfile;</li>
 *   <li>an <em>argument vector</em> ({@code entrypoint}, {@code cmd}) is one argument per line in a form, because an
 *       argument may contain a comma;</li>
 *   <li>{@code command} is a string for the shell; a Jenkinsfile may give a list instead, which is the exec form and
 *       becomes {@code cmd}.</li>
 * </ul>
 * Jenkinsfile spellings are translated by {@link #customInstantiate} and back by {@link #customUninstantiate} (structs'
 * {@code CustomDescribableModel}), so the Snippet Generator prints the map form; form text by {@link #normaliseForm}.
 */
public final class ParameterSyntax {

    /** The shell-form command parameter that a Jenkinsfile may give as a list. */
    static final String COMMAND = "command";
    /** Where a list-valued {@code command} goes: the exec form. */
    static final String EXEC_COMMAND = "cmd";

    private static final Pattern GROOVY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Set<String> maps;
    private final Set<String> items;
    private final Set<String> argv;
    private final Set<String> numbers;
    private final Set<String> choices;
    private final Set<String> lowerCase;
    private final boolean commandList;

    private ParameterSyntax(Set<String> maps, Set<String> items, Set<String> argv, Set<String> numbers, Set<String> choices,
                            Set<String> lowerCase, boolean commandList) {
        this.maps = Set.copyOf(maps);
        this.items = Set.copyOf(items);
        this.argv = Set.copyOf(argv);
        this.numbers = Set.copyOf(numbers);
        this.choices = Set.copyOf(choices);
        this.lowerCase = Set.copyOf(lowerCase);
        this.commandList = commandList;
    }

    /** No list or map parameters. */
    public static ParameterSyntax none() {
        return new ParameterSyntax(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false);
    }

    /** Adds map parameters ({@code List<NameValue>}). */
    public ParameterSyntax maps(String... names) {
        return new ParameterSyntax(union(maps, names), items, argv, numbers, choices, lowerCase, commandList);
    }

    /** Adds item lists of strings. */
    public ParameterSyntax items(String... names) {
        return new ParameterSyntax(maps, union(items, names), argv, numbers, choices, lowerCase, commandList);
    }

    /** Adds item lists of whole numbers (ports). */
    public ParameterSyntax numbers(String... names) {
        return new ParameterSyntax(maps, items, argv, union(numbers, names), choices, lowerCase, commandList);
    }

    /** Adds argument vectors. */
    public ParameterSyntax argv(String... names) {
        return new ParameterSyntax(maps, items, union(argv, names), numbers, choices, lowerCase, commandList);
    }

    /** Adds enum parameters whose form offers an empty choice meaning "not set" (e.g. "the global setting"). */
    public ParameterSyntax optionalChoices(String... names) {
        return new ParameterSyntax(maps, items, argv, numbers, union(choices, names), lowerCase, commandList);
    }

    /**
     * Adds enum parameters that a Jenkinsfile writes in lower case, as the flow file does ({@code pull: 'always'}); an
     * empty form choice means "not set".
     */
    public ParameterSyntax lowerCaseChoices(String... names) {
        return new ParameterSyntax(maps, items, argv, numbers, union(choices, names), union(lowerCase, names), commandList);
    }

    /** {@code command} may be a list in a Jenkinsfile, meaning {@code cmd}. */
    public ParameterSyntax commandOrCmd() {
        return new ParameterSyntax(maps, items, union(argv, EXEC_COMMAND), numbers, choices, lowerCase, true);
    }

    /** Jenkinsfile arguments as the data-bound properties take them. */
    public Map<String, Object> customInstantiate(Map<String, Object> arguments) {
        Map<String, Object> typed = new LinkedHashMap<>(arguments);
        for (String name : maps) {
            if (typed.get(name) instanceof Map<?, ?> map) {
                List<Map<String, Object>> entries = new ArrayList<>();
                map.forEach((key, value) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", String.valueOf(key));
                    entry.put("value", value == null ? "" : String.valueOf(value));
                    entries.add(entry);
                });
                typed.put(name, entries);
            }
        }
        for (String name : lowerCase) {
            if (typed.get(name) instanceof CharSequence value) {
                typed.put(name, value.toString().strip().toUpperCase(Locale.ROOT));
            }
        }
        if (commandList && typed.get(COMMAND) instanceof List<?> vector) {
            typed.remove(COMMAND);
            typed.put(EXEC_COMMAND, vector.stream().map(String::valueOf).collect(Collectors.toList()));
        }
        return typed;
    }

    /**
     * The data-bound properties as a Jenkinsfile writes them: maps as maps. A map with a name that is not a Groovy
     * identifier ({@code com.example.team}) keeps the list form {@code [[name: '…', value: '…']]}, which a Jenkinsfile
     * accepts too: the Snippet Generator would write such a name unquoted, which Groovy cannot read.
     */
    public UninstantiatedDescribable customUninstantiate(UninstantiatedDescribable described) {
        Map<String, Object> arguments = new LinkedHashMap<>(described.getArguments());
        boolean changed = false;
        for (String name : lowerCase) {
            if (arguments.get(name) != null) {
                arguments.put(name, String.valueOf(arguments.get(name)).toLowerCase(Locale.ROOT));
                changed = true;
            }
        }
        for (String name : maps) {
            if (arguments.get(name) instanceof List<?> entries) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Object entry : entries) {
                    if (entry instanceof UninstantiatedDescribable pair) {
                        Object value = pair.getArguments().get("value");
                        map.put(String.valueOf(pair.getArguments().get("name")), value == null ? "" : value);
                    }
                }
                if (map.size() == entries.size() && map.keySet().stream().allMatch(key -> GROOVY_NAME.matcher(key).matches())) {
                    arguments.put(name, map);
                    changed = true;
                }
            }
        }
        return changed ? described.withArguments(arguments) : described;
    }

    /**
     * Turns the text a form sends for list and map parameters into the JSON arrays data binding expects.
     *
     * @throws Descriptor.FormException naming the field and the line that is not {@code NAME=value}
     */
    public JSONObject normaliseForm(JSONObject form) throws Descriptor.FormException {
        JSONObject copy = JSONObject.fromObject(form);
        for (String name : maps) {
            if (copy.get(name) instanceof String text) {
                copy.put(name, assignments(text, name));
            }
        }
        for (String name : items) {
            if (copy.get(name) instanceof String text) {
                copy.put(name, JSONArray.fromObject(FormText.list(text)));
            }
        }
        for (String name : numbers) {
            if (copy.get(name) instanceof String text) {
                copy.put(name, numbers(text, name));
            }
        }
        for (String name : argv) {
            if (copy.get(name) instanceof String text) {
                copy.put(name, JSONArray.fromObject(FormText.lines(text)));
            }
        }
        for (String name : choices) {
            if (copy.get(name) instanceof String text && text.isBlank()) {
                copy.remove(name);
            }
        }
        return copy;
    }

    /** A parameter value as a form shows it: a map one {@code NAME=value} per line, a list one item per line. */
    public static String text(Object value) {
        if (!(value instanceof Collection<?> values)) {
            return value == null ? "" : String.valueOf(value);
        }
        return values.stream()
                .map(v -> v instanceof NameValue pair ? pair.getName() + "=" + pair.getValue() : String.valueOf(v))
                .collect(Collectors.joining("\n"));
    }

    /** The entries of a map parameter, in order. */
    public static Map<String, String> toMap(List<NameValue> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(entry -> map.put(entry.getName(), entry.getValue()));
        return map;
    }

    /**
     * {@code NAME=value} lines as entries (the value may be empty and may contain '=').
     *
     * @throws Descriptor.FormException naming the field and the line
     */
    static JSONArray assignments(String text, String field) throws Descriptor.FormException {
        JSONArray entries = new JSONArray();
        try {
            FormText.assignments(text, field).forEach((name, value) -> {
                JSONObject entry = new JSONObject();
                entry.put("name", name);
                entry.put("value", value);
                entries.add(entry);
            });
        } catch (InvalidRequestException e) {
            throw new Descriptor.FormException(e.getMessage(), e, field);
        }
        return entries;
    }

    private static JSONArray numbers(String text, String field) throws Descriptor.FormException {
        JSONArray values = new JSONArray();
        for (String item : FormText.list(text)) {
            try {
                values.add(Integer.parseInt(item));
            } catch (NumberFormatException e) {
                throw new Descriptor.FormException(Messages.ParameterSyntax_notANumber(field, item), e, field);
            }
        }
        return values;
    }

    private static Set<String> union(Set<String> existing, String... more) {
        Set<String> all = new java.util.HashSet<>(existing);
        all.addAll(List.of(more));
        return all;
    }
}
