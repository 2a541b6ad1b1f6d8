from w import w
U = 'throw new UnsupportedOperationException("Jenkins API stub");'
P='com.cloudbees.plugins.credentials.'
w('CRED',P+'Credentials','import hudson.ExtensionPoint;\nimport hudson.model.Describable;\nimport java.io.Serializable;\n\npublic interface Credentials extends Describable<Credentials>, Serializable, ExtensionPoint {\n}')
w('CRED',P+'common.IdCredentials','import com.cloudbees.plugins.credentials.Credentials;\n\npublic interface IdCredentials extends Credentials {\n}')
w('CRED',P+'common.StandardCredentials','public interface StandardCredentials extends IdCredentials {\n}')
w('CRED',P+'common.UsernameCredentials','import com.cloudbees.plugins.credentials.Credentials;\n\npublic interface UsernameCredentials extends Credentials {\n    String getUsername();\n}')
w('CRED',P+'common.PasswordCredentials','import com.cloudbees.plugins.credentials.Credentials;\nimport hudson.util.Secret;\n\npublic interface PasswordCredentials extends Credentials {\n    Secret getPassword();\n}')
w('CRED',P+'common.UsernamePasswordCredentials','public interface UsernamePasswordCredentials extends UsernameCredentials, PasswordCredentials {\n}')
w('CRED',P+'common.StandardUsernameCredentials','public interface StandardUsernameCredentials extends StandardCredentials, UsernameCredentials {\n}')
w('CRED',P+'common.StandardUsernamePasswordCredentials','public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {\n}')
w('CRED',P+'CredentialsMatcher','import java.io.Serializable;\n\npublic interface CredentialsMatcher extends Serializable {\n}')
w('CRED',P+'CredentialsMatchers','''
public class CredentialsMatchers {

    private CredentialsMatchers() {
    }

    public static CredentialsMatcher always() {
        %s
    }
}
''' % U)
w('CRED',P+'domains.DomainRequirement','''
import hudson.ExtensionPoint;
import java.io.Serializable;

public class DomainRequirement implements ExtensionPoint, Serializable {
    private static final long serialVersionUID = 1L;

    public DomainRequirement() {
    }
}
''')
w('CRED',P+'domains.URIRequirementBuilder','''
import java.util.List;

public class URIRequirementBuilder {

    private URIRequirementBuilder() {
    }

    public static URIRequirementBuilder fromUri(String uri) {
        %s
    }

    public List<DomainRequirement> build() {
        %s
    }
}
''' % (U,U))
w('UI','org.jenkins.ui.icon.IconSpec','public interface IconSpec {\n}')
w('CRED',P+'CredentialsProvider','''
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.jenkins.ui.icon.IconSpec;

public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider>, IconSpec {

    /** Upstream: Credentials/UseItem; permissions exist only inside Jenkins. */
    public static final Permission USE_ITEM = null;

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
            List<DomainRequirement> domainRequirements) {
        %s
    }

    public static <C extends Credentials> C track(Run build, C credentials) {
        %s
    }
}
''' % (U,U))
w('CRED',P+'common.AbstractIdCredentialsListBoxModel','''
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.List;
import org.springframework.security.core.Authentication;

public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>, C extends IdCredentials>
        extends ListBoxModel {

    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        %s
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(Authentication authentication, Item context,
            Class<? extends C> type, List<DomainRequirement> domainRequirements, CredentialsMatcher matcher) {
        %s
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(String value) {
        %s
    }
}
''' % (U,U,U))
w('CRED',P+'common.StandardListBoxModel','''
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
}
''')
w('CRED',P+'CredentialsScope','public enum CredentialsScope {\n    SYSTEM,\n    GLOBAL,\n    USER\n}')
w('CRED',P+'impl.BaseCredentials','''
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;

public abstract class BaseCredentials implements Credentials {

    public BaseCredentials(CredentialsScope scope) {
    }
}
''')
w('CRED',P+'impl.BaseStandardCredentials','''
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {

    public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
        super(scope);
    }
}
''')
w('DC','org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials','''
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import hudson.util.Secret;
import org.kohsuke.stapler.DataBoundConstructor;

public class DockerServerCredentials extends BaseStandardCredentials {

    @DataBoundConstructor
    public DockerServerCredentials(CredentialsScope scope, String id, String description, Secret clientKey,
            String clientCertificate, String serverCaCertificate) {
        super(scope, id, description);
    }
}
''')
