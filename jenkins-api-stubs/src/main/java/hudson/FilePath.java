/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/hudson/FilePath.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package hudson;

import hudson.remoting.Callable;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import org.jenkinsci.remoting.RoleSensitive;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public final class FilePath implements SerializableOnlyOverRemoting {

    private final String remote;

    /** Local behaviour: a path on this machine, worked on in-process. */
    public FilePath(File localPath) {
        this.remote = localPath.getPath();
    }

    /** Local behaviour: runs the callable in the calling thread on the local file, as upstream does for a local path. */
    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        return callable.invoke(new File(remote), getChannel());
    }

    /** Local behaviour: the in-process channel upstream calls the local channel. */
    public VirtualChannel getChannel() {
        return new InProcessChannel();
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    // stands in for remoting's LocalChannel: calls run in the calling thread, exports are the objects themselves
    private static final class InProcessChannel implements VirtualChannel {
        @Override
        public <V, T extends Throwable> V call(Callable<V, T> callable) throws T {
            return callable.call();
        }

        @Override
        public <T> T export(Class<T> type, T instance) {
            return instance;
        }
    }
}
