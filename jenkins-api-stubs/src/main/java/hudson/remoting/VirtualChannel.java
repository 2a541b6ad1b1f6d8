/*
 * Compile-only stub of jenkinsci/remoting src/main/java/hudson/remoting/VirtualChannel.java at tag 3352.v17a_fb_4b_2773f.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson.remoting;

import java.io.IOException;

public interface VirtualChannel {

    <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, T, InterruptedException;

    <T> T export(Class<T> type, T instance);
}
