/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/model/Result.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.model;

import java.io.Serializable;
import org.kohsuke.stapler.export.CustomExportedBean;

public final class Result implements Serializable, CustomExportedBean {

    private static final long serialVersionUID = 1L;

    public static final Result SUCCESS = new Result("SUCCESS", 0);
    public static final Result UNSTABLE = new Result("UNSTABLE", 1);
    public static final Result FAILURE = new Result("FAILURE", 2);
    public static final Result ABORTED = new Result("ABORTED", 4);

    private final String name;

    public final int ordinal;

    private Result(String name, int ordinal) {
        this.name = name;
        this.ordinal = ordinal;
    }

    /** Local behaviour: compares the ordinals, as upstream. */
    public boolean isWorseThan(Result that) {
        return ordinal > that.ordinal;
    }

    @Override
    public String toString() {
        return name;
    }
}
