/*
 * Compile-only stub of jenkinsci/jenkins core/src/main/java/jenkins/agents/ControllerToAgentCallable.java at tag jenkins-2.541.3.
 * Same package, name, kind, type parameters, supertypes and signatures for the members the plugin uses;
 * bodies are not Jenkins' code. Never packaged into the plugin.
 */
package jenkins.agents;

import hudson.remoting.Callable;
import java.util.Set;
import jenkins.security.Roles;
import org.jenkinsci.remoting.RoleChecker;

public interface ControllerToAgentCallable<V, T extends Throwable> extends Callable<V, T> {

    @Override
    default void checkRoles(RoleChecker checker) throws SecurityException {
        checker.check(this, Set.of(Roles.SLAVE));
    }
}
