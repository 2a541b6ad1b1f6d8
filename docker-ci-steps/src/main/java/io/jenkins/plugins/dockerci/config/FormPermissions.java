package io.jenkins.plugins.dockerci.config;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Who may use the plugin's form methods, and what the credential drop-downs offer.
 *
 * <p>Configuring needs Item/Configure in a job and Overall/Administer outside one. Listing credentials follows the
 * credentials plugin's consumer guide: Item/ExtendedRead or Credentials/UseItem in a job, as the authentication the
 * job runs as (so Authorize Project setups list what the build can really use, finding W12); Overall/Administer on
 * the global page. The lists never offer System-scoped credentials: builds resolve credentials in their job's
 * context, where System scope is invisible, so such a choice could only fail every build (finding W3).
 */
public final class FormPermissions {

    private FormPermissions() {
    }

    /** May the current user configure {@code item} (or, without an item, Jenkins itself)? */
    public static boolean canConfigure(Item item) {
        return item == null ? Jenkins.get().hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    /**
     * A form check that answers only users who may configure {@code item}: others get OK and learn nothing, and the
     * check (which may parse, resolve or look things up) does not run for them.
     */
    public static FormValidation canConfigureThen(Item item, Supplier<Optional<String>> check) {
        return canConfigure(item) ? toForm(check.get()) : FormValidation.ok();
    }

    /** The problem as a form error, or OK. */
    public static FormValidation toForm(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    /**
     * The credentials of {@code type} a build of {@code item} (or, without an item, any build) can use for {@code uri},
     * with {@code current} kept in the list; only {@code current} for users who may not see the list.
     */
    public static ListBoxModel credentials(Item item, Class<? extends StandardCredentials> type, String uri, String current) {
        return credentials(item, type, URIRequirementBuilder.fromUri(uri).build(), CredentialsMatchers.always(), current);
    }

    /**
     * The credentials a build of {@code item} can use that {@code matcher} accepts, whatever they are for (build
     * secrets), with {@code current} kept in the list; only {@code current} for users who may not see the list.
     */
    public static ListBoxModel credentials(Item item, CredentialsMatcher matcher, String current) {
        return credentials(item, StandardCredentials.class, List.of(), matcher, current);
    }

    private static ListBoxModel credentials(Item item, Class<? extends StandardCredentials> type,
                                            List<DomainRequirement> requirements, CredentialsMatcher matcher, String current) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!canListCredentials(item)) {
            return result.includeCurrentValue(current);
        }
        result.includeEmptyValue();
        var buildUsable = CredentialsMatchers.allOf(matcher, CredentialsMatchers.not(CredentialsMatchers.withScope(CredentialsScope.SYSTEM)));
        if (item == null) {
            result.includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), type, requirements, buildUsable);
        } else {
            result.includeMatchingAs(authenticationOf(item), item, type, requirements, buildUsable);
        }
        return result.includeCurrentValue(current);
    }

    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    private static boolean canListCredentials(Item item) {
        return item == null
                ? Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }
}
