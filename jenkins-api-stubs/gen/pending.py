from w import w
U = 'throw new UnsupportedOperationException("Jenkins API stub");'
# ---- build steps
w('CORE','hudson.tasks.BuildStep','''
public interface BuildStep {
    default BuildStepMonitor getRequiredMonitorService() {
        %s
    }
}
''' % U)
w('CORE','hudson.tasks.BuildStepCompatibilityLayer','''
@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
''')
w('CORE','hudson.tasks.BuildStepMonitor','''
public enum BuildStepMonitor {
    NONE,
    STEP,
    BUILD
}
''')
w('CORE','hudson.tasks.Builder','''
import hudson.ExtensionPoint;
import hudson.model.Describable;

public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
}
''')
w('CORE','hudson.tasks.Publisher','''
import hudson.model.Describable;

public abstract class Publisher extends BuildStepCompatibilityLayer implements Describable<Publisher> {

    @Deprecated
    protected Publisher() {
    }
}
''')
w('CORE','hudson.tasks.Recorder','''
import hudson.ExtensionPoint;

public abstract class Recorder extends Publisher implements ExtensionPoint {

    @SuppressWarnings("deprecation")
    protected Recorder() {
    }
}
''')
w('CORE','hudson.tasks.BuildStepDescriptor','''
import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {

    protected BuildStepDescriptor(Class<? extends T> clazz) {
        super(clazz);
    }

    protected BuildStepDescriptor() {
    }

    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
''')
w('CORE','jenkins.tasks.SimpleBuildStep','''
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStep;
import java.io.IOException;

public interface SimpleBuildStep extends BuildStep {
    default void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        %s
    }
}
''' % U)
# ---- project / build types
w('CORE','hudson.model.ResourceController','public class ResourceController {\n\n    ResourceController() {\n    }\n}')
w('CORE','hudson.model.ResourceActivity','public interface ResourceActivity {\n}')
w('CORE','hudson.model.queue.SubTask','import hudson.model.ResourceActivity;\n\npublic interface SubTask extends ResourceActivity {\n}')
w('CORE','hudson.model.Queue','''
import hudson.model.queue.SubTask;
import jenkins.console.WithConsoleUrl;

public class Queue extends ResourceController implements Saveable {

    private Queue() {
    }

    @Override
    public void save() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public interface Task extends FullyNamedModelObject, SubTask {
    }

    public interface Executable extends Runnable, WithConsoleUrl {
    }
}
''')
w('CORE','hudson.model.BuildableItem','public interface BuildableItem extends Item, Queue.Task {\n}')
w('CORE','jenkins.triggers.TriggeredItem','public interface TriggeredItem {\n}')
w('CORE','jenkins.model.lazy.LazyBuildMixIn','''
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;

public abstract class LazyBuildMixIn<JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
        RunT extends Run<JobT, RunT> & LazyBuildMixIn.LazyLoadingRun<JobT, RunT>> {

    private LazyBuildMixIn() {
    }

    public interface LazyLoadingJob<JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {
    }

    public interface LazyLoadingRun<JobT extends Job<JobT, RunT> & Queue.Task & LazyBuildMixIn.LazyLoadingJob<JobT, RunT>,
            RunT extends Run<JobT, RunT> & LazyLoadingRun<JobT, RunT>> {
    }
}
''')
w('CORE','jenkins.model.ParameterizedJobMixIn','''
import hudson.model.BuildableItem;
import hudson.model.Job;
import hudson.model.Queue;
import hudson.model.Run;
import jenkins.triggers.TriggeredItem;

public abstract class ParameterizedJobMixIn<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
        RunT extends Run<JobT, RunT> & Queue.Executable> {

    private ParameterizedJobMixIn() {
    }

    public interface ParameterizedJob<JobT extends Job<JobT, RunT> & ParameterizedJobMixIn.ParameterizedJob<JobT, RunT> & Queue.Task,
            RunT extends Run<JobT, RunT> & Queue.Executable> extends BuildableItem, TriggeredItem {
    }
}
''')
w('CORE','jenkins.scm.RunWithSCM','''
import hudson.model.Job;
import hudson.model.Run;

public interface RunWithSCM<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT> & RunWithSCM<JobT, RunT>> {
}
''')
w('CORE','hudson.model.AbstractProject','''
import jenkins.model.ParameterizedJobMixIn;
import jenkins.model.lazy.LazyBuildMixIn;

public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
        extends Job<P, R> implements BuildableItem, LazyBuildMixIn.LazyLoadingJob<P, R>, ParameterizedJobMixIn.ParameterizedJob<P, R> {

    protected AbstractProject(ItemGroup parent, String name) {
        super(parent, name);
    }
}
''')
w('CORE','hudson.model.AbstractBuild','''
import java.io.IOException;
import jenkins.model.lazy.LazyBuildMixIn;
import jenkins.scm.RunWithSCM;

public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>>
        extends Run<P, R> implements Queue.Executable, LazyBuildMixIn.LazyLoadingRun<P, R>, RunWithSCM<P, R> {

    protected AbstractBuild(P job) throws IOException {
        super(job);
    }
}
''')
# ---- launching and environment
w('CORE','hudson.Launcher','''
import hudson.remoting.VirtualChannel;

public abstract class Launcher {

    protected Launcher(Launcher launcher) {
    }

    public VirtualChannel getChannel() {
        %s
    }
}
''' % U)
w('CORE','hudson.EnvVars','''
import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {

    private static final long serialVersionUID = 1L;

    /** Local behaviour: an empty environment whose keys compare case-insensitively, as upstream. */
    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    /** Local behaviour: a copy of {@code m}. */
    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }

    /** Local behaviour: replaces {@code $NAME} and {@code ${NAME}} by their values; unknown names stay as they are. */
    public String expand(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length()) {
                int start;
                int end;
                int next;
                if (s.charAt(i + 1) == '{') {
                    start = i + 2;
                    end = s.indexOf('}', start);
                    next = end + 1;
                } else {
                    start = i + 1;
                    end = start;
                    while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                        end++;
                    }
                    next = end;
                }
                if (end > start && containsKey(s.substring(start, end))) {
                    out.append(get(s.substring(start, end)));
                    i = next;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }
}
''')
# ---- results and actions
w('CORE','org.kohsuke.stapler.export.CustomExportedBean','public interface CustomExportedBean {\n}')
w('CORE','hudson.model.Result','''
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
''')
w('CORE','hudson.model.Action','''
public interface Action extends ModelObject {
    String getIconFileName();

    String getDisplayName();

    String getUrlName();
}
''')
w('CORE','hudson.model.InvisibleAction','''
public abstract class InvisibleAction implements Action {

    @Override
    public final String getIconFileName() {
        return null;
    }

    @Override
    public final String getDisplayName() {
        return null;
    }

    @Override
    public String getUrlName() {
        return null;
    }
}
''')
w('CORE','jenkins.model.RunAction2','''
import hudson.model.Action;
import hudson.model.Run;

public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
''')
w('CORE','hudson.model.listeners.RunListener','''
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;

public abstract class RunListener<R extends Run> implements ExtensionPoint {

    protected RunListener() {
    }

    public void onCompleted(R r, TaskListener listener) {
    }
}
''')
w('CORE','hudson.triggers.SafeTimerTask','''
import java.util.TimerTask;

public abstract class SafeTimerTask extends TimerTask {

    protected SafeTimerTask() {
    }

    @Override
    public final void run() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    protected abstract void doRun() throws Exception;
}
''')
w('CORE','hudson.model.PeriodicWork','''
import hudson.ExtensionPoint;
import hudson.triggers.SafeTimerTask;

public abstract class PeriodicWork extends SafeTimerTask implements ExtensionPoint {

    protected PeriodicWork() {
    }

    public abstract long getRecurrencePeriod();
}
''')
w('CORE','hudson.model.AsyncPeriodicWork','''
import java.io.IOException;

public abstract class AsyncPeriodicWork extends PeriodicWork {

    protected AsyncPeriodicWork(String name) {
    }

    @Override
    public final void doRun() {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    protected abstract void execute(TaskListener listener) throws IOException, InterruptedException;
}
''')
w('CORE','hudson.model.AbstractDescribableImpl','''
@Deprecated
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
}
''')
# ---- workflow-step-api
S='org.jenkinsci.plugins.workflow.steps.'
w('WSA',S+'Step','''
import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

@SuppressWarnings("deprecation")
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;
}
''')
w('WSA',S+'StepDescriptor','''
import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {

    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        return false;
    }
}
''')
w('WSA',S+'StepContext','''
import com.google.common.util.concurrent.FutureCallback;
import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements FutureCallback<Object>, Serializable {

    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(Object result);

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;
}
''')
w('WSA',S+'StepExecution','''
import java.io.Serializable;

public abstract class StepExecution implements Serializable {

    private static final long serialVersionUID = 1L;

    private final transient StepContext context;

    /** Local behaviour: keeps the context for {@link #getContext()}. */
    protected StepExecution(StepContext context) {
        this.context = context;
    }

    public StepContext getContext() {
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(Throwable cause) throws Exception {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
''')
w('WSA',S+'SynchronousNonBlockingStepExecution','''
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {

    private static final long serialVersionUID = 1L;

    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
''')
w('WSA',S+'BodyExecution','''
import java.io.Serializable;
import java.util.concurrent.Future;

public abstract class BodyExecution implements Future<Object>, Serializable {
    private static final long serialVersionUID = 1L;
}
''')
w('WSA',S+'BodyInvoker','''
public abstract class BodyInvoker {

    public abstract BodyInvoker withContext(Object override);

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public abstract BodyExecution start();
}
''')
w('WSA',S+'BodyExecutionCallback','''
import java.io.Serializable;

public abstract class BodyExecutionCallback implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);

    public abstract static class TailCall extends BodyExecutionCallback {

        private static final long serialVersionUID = 1L;

        protected abstract void finished(StepContext context) throws Exception;

        @Override
        public final void onSuccess(StepContext context, Object result) {
            throw new UnsupportedOperationException("Jenkins API stub");
        }

        @Override
        public final void onFailure(StepContext context, Throwable t) {
            throw new UnsupportedOperationException("Jenkins API stub");
        }
    }
}
''')
w('WSA',S+'EnvironmentExpander','''
import hudson.EnvVars;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

public abstract class EnvironmentExpander implements Serializable {

    private static final long serialVersionUID = 1L;

    public abstract void expand(EnvVars env) throws IOException, InterruptedException;

    public static EnvironmentExpander constant(Map<String, String> env) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }

    public static EnvironmentExpander merge(EnvironmentExpander original, EnvironmentExpander subsequent) {
        throw new UnsupportedOperationException("Jenkins API stub");
    }
}
''')
