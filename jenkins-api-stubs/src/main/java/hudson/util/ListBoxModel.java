/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/util/ListBoxModel.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {

    public ListBoxModel() {
    }


    public static final class Option {
        private Option() {
        }
    }
}
