package io.jenkins.plugins.dockerci.engine.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of one environment variable built from service coordinates, for example
 * {@code postgresql://postgres@${db.host}:${db.port.5432}/test}. {@code $${} stands for a literal {@code ${}.
 */
public final class EnvTemplate {

    private static final Pattern TOKEN = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}");

    private final String variable;
    private final String template;
    private final List<TemplateReference> references;

    private EnvTemplate(String variable, String template, List<TemplateReference> references) {
        this.variable = variable;
        this.template = template;
        this.references = List.copyOf(references);
    }

    /** Parses the template of {@code variable}; a malformed reference is an {@link io.jenkins.plugins.dockerci.engine.InvalidRequestException}. */
    public static EnvTemplate parse(String variable, String template) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(template, "template of " + variable);
        List<TemplateReference> refs = new ArrayList<>();
        Matcher m = TOKEN.matcher(template);
        while (m.find()) {
            if (m.group(1) != null) {
                refs.add(TemplateReference.parse(variable, m.group(1)));
            }
        }
        return new EnvTemplate(variable, template, refs);
    }

    public String variable() {
        return variable;
    }

    public String template() {
        return template;
    }

    /** The references in order of appearance. */
    public List<TemplateReference> references() {
        return references;
    }

    /** The value with every reference replaced by {@code values.apply(reference)}. */
    public String resolve(Function<TemplateReference, String> values) {
        StringBuilder out = new StringBuilder();
        Matcher m = TOKEN.matcher(template);
        int at = 0;
        int next = 0;
        while (m.find()) {
            out.append(template, at, m.start());
            out.append(m.group(1) == null ? "${" : values.apply(references.get(next++)));
            at = m.end();
        }
        return out.append(template.substring(at)).toString();
    }

    @Override
    public String toString() {
        return variable + "=" + template;
    }
}
