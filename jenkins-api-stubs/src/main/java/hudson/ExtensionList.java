/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/ExtensionList.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson;

import java.util.AbstractList;
import jenkins.model.Jenkins;
import jenkins.util.io.OnMaster;

public class ExtensionList<T> extends AbstractList<T> implements OnMaster {

    protected ExtensionList(Jenkins jenkins, Class<T> extensionType) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public static <U> U lookupSingleton(Class<U> type) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
