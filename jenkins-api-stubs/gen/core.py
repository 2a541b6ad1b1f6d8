from w import w
U = 'throw new UnsupportedOperationException("Jenkins API stub");'

w('CORE','hudson.Extension', '''
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Indexable;

@Indexable
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {
    double ordinal() default 0;

    @Deprecated
    boolean optional() default false;

    YesNoMaybe dynamicLoadable() default YesNoMaybe.MAYBE;
}
''')
w('CORE','jenkins.YesNoMaybe', 'public enum YesNoMaybe {\n    YES,\n    NO,\n    MAYBE\n}')
w('CORE','hudson.ExtensionPoint', 'public interface ExtensionPoint {\n}')
w('CORE','jenkins.util.io.OnMaster', 'public interface OnMaster {\n}')
w('CORE','hudson.ExtensionList', '''
import java.util.AbstractList;
import jenkins.model.Jenkins;
import jenkins.util.io.OnMaster;

public class ExtensionList<T> extends AbstractList<T> implements OnMaster {

    protected ExtensionList(Jenkins jenkins, Class<T> extensionType) {
        %s
    }

    public static <U> U lookupSingleton(Class<U> type) {
        %s
    }

    @Override
    public T get(int index) {
        %s
    }

    @Override
    public int size() {
        %s
    }
}
''' % (U,U,U,U))
w('CORE','hudson.model.Describable', 'public interface Describable<T extends Describable<T>> {\n}')
w('CORE','hudson.model.Saveable', 'import java.io.IOException;\n\npublic interface Saveable {\n    void save() throws IOException;\n}')
w('CORE','jenkins.model.Loadable', 'import java.io.IOException;\n\npublic interface Loadable {\n    void load() throws IOException;\n}')
w('CORE','hudson.model.Descriptor', '''
import hudson.security.Permission;
import jenkins.model.Jenkins;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {

    public final transient Class<? extends T> clazz;

    @SuppressWarnings("unchecked")
    protected Descriptor(Class<? extends T> clazz) {
        // local behaviour: GlobalConfiguration passes self() and means "my own class"
        this.clazz = clazz == Self.class ? (Class<? extends T>) getClass() : clazz;
    }

    @SuppressWarnings("unchecked")
    protected Descriptor() {
        // local behaviour: a nested descriptor describes its enclosing class
        Class<?> outer = getClass().getEnclosingClass();
        if (outer == null) {
            throw new AssertionError(getClass() + " doesn't have an outer class. Use the constructor that takes the Class object explicitly.");
        }
        this.clazz = (Class<? extends T>) outer;
    }

    public String getDisplayName() {
        %s
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        %s
    }

    /** Local behaviour: there is no JENKINS_HOME outside Jenkins, so nothing is written. */
    @Override
    public synchronized void save() {
    }

    /** Local behaviour: there is no JENKINS_HOME outside Jenkins, so nothing is read. */
    @Override
    public synchronized void load() {
    }

    public Permission getRequiredGlobalConfigPagePermission() {
        %s
    }

    protected static Class self() {
        return Self.class;
    }

    private static final class Self {
    }

    public static final class FormException extends Exception implements HttpResponse {
        public FormException(String message, String formField) {
            super(message);
        }
    }
}
''' % (U,U,U))
w('CORE','jenkins.model.GlobalConfiguration', '''
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration>
        implements ExtensionPoint, Describable<GlobalConfiguration> {

    @SuppressWarnings("unchecked")
    protected GlobalConfiguration() {
        super(self());
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        %s
    }
}
''' % U)
# --- security
w('CORE','hudson.security.Permission', '''
public final class Permission {
    private Permission() {
    }
}
''')
w('CORE','hudson.security.AccessControlled', '''
import org.springframework.security.access.AccessDeniedException;

public interface AccessControlled {

    default void checkPermission(Permission permission) throws AccessDeniedException {
        %s
    }

    default boolean hasPermission(Permission permission) {
        %s
    }
}
''' % (U,U))
w('CORE','hudson.security.ACL', '''
import org.springframework.security.core.Authentication;

public abstract class ACL {
    /** Upstream: the SYSTEM user's authentication; no such user exists outside Jenkins. */
    public static final Authentication SYSTEM2 = null;
}
''')
# --- model
for n in ['ModelObject','SearchableModelObject','ModelObjectWithContextMenu','ModelObjectWithChildren','PersistenceRoot','DescriptorByNameOwner','FullyNamedModelObject','FullyNamed','Named','HttpDeletable','StaplerOverridable','TopLevelItem','ViewGroup','ModifiableViewGroup','DirectlyModifiableTopLevelItemGroup','ReconfigurableDescribable']:
    pass
w('CORE','hudson.model.ModelObject','public interface ModelObject {\n}')
w('CORE','hudson.search.SearchableModelObject','import hudson.model.ModelObject;\n\npublic interface SearchableModelObject extends ModelObject {\n}')
w('CORE','jenkins.model.ModelObjectWithContextMenu','import hudson.model.ModelObject;\n\npublic interface ModelObjectWithContextMenu extends ModelObject {\n}')
w('CORE','jenkins.model.ModelObjectWithChildren','public interface ModelObjectWithChildren extends ModelObjectWithContextMenu {\n}')
w('CORE','hudson.model.PersistenceRoot','import hudson.model.Saveable;\n\npublic interface PersistenceRoot extends Saveable {\n}')
w('CORE','hudson.model.DescriptorByNameOwner','import hudson.model.ModelObject;\n\npublic interface DescriptorByNameOwner extends ModelObject {\n}')
w('CORE','hudson.model.FullyNamedModelObject','public interface FullyNamedModelObject extends ModelObject {\n}')
w('CORE','jenkins.model.FullyNamed','public interface FullyNamed {\n}')
w('CORE','jenkins.model.Named','public interface Named {\n}')
w('CORE','hudson.model.AbstractModelObject','import hudson.search.SearchableModelObject;\n\npublic abstract class AbstractModelObject implements SearchableModelObject {\n}')
w('CORE','hudson.model.Actionable','import jenkins.model.ModelObjectWithContextMenu;\n\npublic abstract class Actionable extends AbstractModelObject implements ModelObjectWithContextMenu {\n}')
w('STAP','org.kohsuke.stapler.StaplerProxy','public interface StaplerProxy {\n}')
w('STAP','org.kohsuke.stapler.StaplerOverridable','public interface StaplerOverridable {\n}')
w('STAP','org.kohsuke.stapler.StaplerFallback','public interface StaplerFallback {\n}')
w('CORE','hudson.model.ItemGroup','public interface ItemGroup<T extends Item> extends PersistenceRoot, ModelObject {\n}')
w('CORE','hudson.model.Item', '''
import hudson.search.SearchableModelObject;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.FullyNamed;
import jenkins.model.Named;
import jenkins.util.io.OnMaster;

public interface Item extends PersistenceRoot, FullyNamedModelObject, SearchableModelObject, FullyNamed, Named, AccessControlled, OnMaster {

    /** Upstream: the "Configure" permission; permissions exist only inside Jenkins. */
    Permission CONFIGURE = null;

    /** Upstream: the "ExtendedRead" permission; permissions exist only inside Jenkins. */
    Permission EXTENDED_READ = null;
}
''')
w('CORE','hudson.model.HttpDeletable','public interface HttpDeletable {\n}')
w('CORE','hudson.model.AbstractItem', '''
import hudson.security.AccessControlled;
import jenkins.model.Loadable;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractItem extends Actionable implements Loadable, Item, HttpDeletable, AccessControlled, DescriptorByNameOwner, StaplerProxy {

    protected AbstractItem(ItemGroup parent, String name) {
    }
}
''')
w('CORE','jenkins.widgets.HasWidgets','public interface HasWidgets {\n}')
w('CORE','hudson.model.Job', '''
import hudson.ExtensionPoint;
import jenkins.model.ModelObjectWithChildren;
import jenkins.widgets.HasWidgets;
import org.kohsuke.stapler.StaplerOverridable;

public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends AbstractItem implements ExtensionPoint, StaplerOverridable, ModelObjectWithChildren, HasWidgets {

    protected Job(ItemGroup parent, String name) {
        super(parent, name);
    }
}
''')
w('CORE','jenkins.model.HistoricalBuild','public interface HistoricalBuild {\n}')
w('CORE','jenkins.console.WithConsoleUrl','public interface WithConsoleUrl {\n}')
w('CORE','hudson.model.Run', '''
import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import jenkins.console.WithConsoleUrl;
import jenkins.model.HistoricalBuild;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot,
        DescriptorByNameOwner, OnMaster, StaplerProxy, HistoricalBuild, WithConsoleUrl {

    protected Run(JobT job) throws IOException {
    }

    public String getExternalizableId() {
        %s
    }

    public File getRootDir() {
        %s
    }

    @Override
    public int compareTo(RunT that) {
        %s
    }
}
''' % (U,U,U))
w('CORE','hudson.model.TaskListener', '''
import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();
}
''')
# --- Jenkins
w('CORE','hudson.model.Node', '''
import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import jenkins.util.io.OnMaster;

public abstract class Node extends AbstractModelObject implements ReconfigurableDescribable<Node>, ExtensionPoint, AccessControlled, OnMaster, PersistenceRoot {
}
''')
w('CORE','hudson.model.ReconfigurableDescribable','public interface ReconfigurableDescribable<T extends ReconfigurableDescribable<T>> extends Describable<T> {\n}')
w('CORE','hudson.model.TopLevelItem','public interface TopLevelItem extends Item {\n}')
w('CORE','hudson.model.ViewGroup','import hudson.security.AccessControlled;\n\npublic interface ViewGroup extends Saveable, ModelObject, AccessControlled {\n}')
w('CORE','hudson.model.ModifiableViewGroup','public interface ModifiableViewGroup extends ViewGroup {\n}')
w('CORE','hudson.model.ModifiableItemGroup','public interface ModifiableItemGroup<T extends Item> extends ItemGroup<T> {\n}')
w('CORE','hudson.model.ModifiableTopLevelItemGroup','public interface ModifiableTopLevelItemGroup extends ModifiableItemGroup<TopLevelItem> {\n}')
w('CORE','jenkins.model.DirectlyModifiableTopLevelItemGroup','import hudson.model.ModifiableTopLevelItemGroup;\n\npublic interface DirectlyModifiableTopLevelItemGroup extends ModifiableTopLevelItemGroup {\n}')
w('CORE','hudson.model.AbstractCIBase', '''
import hudson.security.AccessControlled;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

public abstract class AbstractCIBase extends Node implements ItemGroup<TopLevelItem>, StaplerProxy, StaplerFallback, ViewGroup, AccessControlled, DescriptorByNameOwner {
}
''')
w('CORE','jenkins.model.Jenkins', '''
import hudson.model.AbstractCIBase;
import hudson.model.DescriptorByNameOwner;
import hudson.model.ModifiableViewGroup;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import java.io.File;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerFallback;
import org.kohsuke.stapler.StaplerProxy;

public class Jenkins extends AbstractCIBase implements DirectlyModifiableTopLevelItemGroup, StaplerProxy, StaplerFallback,
        ModifiableViewGroup, AccessControlled, DescriptorByNameOwner, ModelObjectWithContextMenu, ModelObjectWithChildren,
        OnMaster, Loadable {

    /** Upstream: Overall/Administer; permissions exist only inside Jenkins. */
    public static final Permission ADMINISTER = null;

    protected Jenkins() {
    }

    public static Jenkins get() throws IllegalStateException {
        throw new IllegalStateException("Jenkins API stub: there is no running Jenkins");
    }

    public File getRootDir() {
        %s
    }

    @Override
    public void load() {
        %s
    }
}
''' % (U,U))
