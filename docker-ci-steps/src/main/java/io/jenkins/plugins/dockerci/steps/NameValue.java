package io.jenkins.plugins.dockerci.steps;

import java.util.Objects;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * One entry of a map-valued parameter ({@code buildArgs}, {@code labels}, {@code env}). A Jenkinsfile writes the
 * map ({@code env: [DATABASE_URL: '…']}), a form one {@code NAME=value} per line; both become a list of these (see
 * {@link ParameterSyntax}).
 */
public final class NameValue {

    private final String name;
    private final String value;

    /**
     * @param name  the variable, argument or label name
     * @param value its value; {@code null} is the empty value
     */
    @DataBoundConstructor
    public NameValue(String name, String value) {
        this.name = name == null ? "" : name.trim();
        this.value = value == null ? "" : value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NameValue that && name.equals(that.name) && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value);
    }

    /** The name only: values may be secrets taken from the build's environment. */
    @Override
    public String toString() {
        return "NameValue[" + name + "]";
    }
}
