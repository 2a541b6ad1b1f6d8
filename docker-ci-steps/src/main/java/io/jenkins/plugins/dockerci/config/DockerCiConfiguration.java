package io.jenkins.plugins.dockerci.config;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.security.Permission;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCachePolicy;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.docker.commons.credentials.DockerServerCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The administrator's settings for Docker CI Steps (Manage Jenkins, System; JCasC key {@code unclassified.dockerCi}).
 *
 * <p>Every property is a {@code @DataBoundSetter}, so the form, JCasC and Groovy scripts go through the same checks.
 * A setter rejects a bad value with an {@link InvalidSettingException} naming the setting. A form submission is
 * bound to a fresh copy first and applied only when all of it is valid, so a rejected save changes nothing
 * (finding W2 of the runtime review).
 */
@Extension
@Symbol("dockerCi")
public class DockerCiConfiguration extends GlobalConfiguration {

    /** Default of {@link #getStopGracePeriodSeconds()}: Docker's own default for {@code docker stop}. */
    public static final int DEFAULT_STOP_GRACE_SECONDS = 10;
    /** Default of {@link #getReaperIntervalMinutes()}. */
    public static final int DEFAULT_REAPER_INTERVAL_MINUTES = 10;
    /** Default of {@link #getReaperGraceMinutes()}. */
    public static final int DEFAULT_REAPER_GRACE_MINUTES = 30;
    /** Default of {@link #getBuildCacheMaxUnused()}: the engine's default bound. */
    public static final String DEFAULT_BUILD_CACHE_MAX_UNUSED = "7d";
    /** Default of {@link #getBuildCacheMaxSize()}: the engine's default bound. */
    public static final String DEFAULT_BUILD_CACHE_MAX_SIZE = "10GB";

    private String dockerHostUri;
    private String dockerHostCredentialsId;
    // a plain ArrayList: this field is written to the configuration XML, where JDK-internal list classes do not belong
    private List<RegistryEndpoint> registries = new ArrayList<>();
    private BuiltImagePolicy builtImagePolicy = BuiltImagePolicy.REMOVE;
    private int stopGracePeriodSeconds = DEFAULT_STOP_GRACE_SECONDS;
    private int reaperIntervalMinutes = DEFAULT_REAPER_INTERVAL_MINUTES;
    private int reaperGraceMinutes = DEFAULT_REAPER_GRACE_MINUTES;
    private String buildCacheMaxUnused = DEFAULT_BUILD_CACHE_MAX_UNUSED;
    private String buildCacheMaxSize = DEFAULT_BUILD_CACHE_MAX_SIZE;

    /** The instance Jenkins loads, with the saved settings. */
    public DockerCiConfiguration() {
        load();
    }

    private DockerCiConfiguration(boolean defaults) {
        // a copy to bind a form submission into: starts from the defaults, never loads or saves
    }

    /** The configuration of this Jenkins. */
    public static DockerCiConfiguration get() {
        return ExtensionList.lookupSingleton(DockerCiConfiguration.class);
    }

    /** The Docker host every node uses; {@code null} means each node's own engine ({@code DOCKER_HOST} or the default socket). */
    public String getDockerHostUri() {
        return dockerHostUri;
    }

    @DataBoundSetter
    public void setDockerHostUri(String dockerHostUri) {
        reject("dockerHostUri", ConfigValidation.dockerHostUri(dockerHostUri));
        this.dockerHostUri = blankToNull(dockerHostUri);
    }

    /** The ID of a Docker Host Certificate Authentication credential for a TLS host, or {@code null}. */
    public String getDockerHostCredentialsId() {
        return dockerHostCredentialsId;
    }

    @DataBoundSetter
    public void setDockerHostCredentialsId(String dockerHostCredentialsId) {
        this.dockerHostCredentialsId = blankToNull(dockerHostCredentialsId);
    }

    /** The registries whose credentials steps find by registry host. */
    public List<RegistryEndpoint> getRegistries() {
        return Collections.unmodifiableList(registries);
    }

    @DataBoundSetter
    public void setRegistries(List<RegistryEndpoint> registries) {
        List<RegistryEndpoint> checked = registries == null ? new ArrayList<>() : new ArrayList<>(registries);
        for (RegistryEndpoint registry : checked) {
            reject("registries", ConfigValidation.registryUrl(registry.getUrl()));
        }
        this.registries = checked;
    }

    /** The configured registry entry for {@code url}, if any. */
    public Optional<RegistryEndpoint> registryFor(String url) {
        return registries.stream().filter(r -> r.matches(url)).findFirst();
    }

    /** What cleanup does with the images builds built. */
    public BuiltImagePolicy getBuiltImagePolicy() {
        return builtImagePolicy;
    }

    @DataBoundSetter
    public void setBuiltImagePolicy(BuiltImagePolicy builtImagePolicy) {
        this.builtImagePolicy = builtImagePolicy == null ? BuiltImagePolicy.REMOVE : builtImagePolicy;
    }

    /** How long a container gets to stop after SIGTERM before it is killed. */
    public int getStopGracePeriodSeconds() {
        return stopGracePeriodSeconds;
    }

    @DataBoundSetter
    public void setStopGracePeriodSeconds(int stopGracePeriodSeconds) {
        reject("stopGracePeriodSeconds", ConfigValidation.Range.STOP_GRACE_SECONDS.check(stopGracePeriodSeconds));
        this.stopGracePeriodSeconds = stopGracePeriodSeconds;
    }

    /** How often the orphan reaper looks for resources of builds that are no longer running; read on every run. */
    public int getReaperIntervalMinutes() {
        return reaperIntervalMinutes;
    }

    @DataBoundSetter
    public void setReaperIntervalMinutes(int reaperIntervalMinutes) {
        reject("reaperIntervalMinutes", ConfigValidation.Range.REAPER_INTERVAL_MINUTES.check(reaperIntervalMinutes));
        this.reaperIntervalMinutes = reaperIntervalMinutes;
    }

    /** How old an orphan must be before the reaper removes it (protects builds that are just starting). */
    public int getReaperGraceMinutes() {
        return reaperGraceMinutes;
    }

    @DataBoundSetter
    public void setReaperGraceMinutes(int reaperGraceMinutes) {
        reject("reaperGraceMinutes", ConfigValidation.Range.REAPER_GRACE_MINUTES.check(reaperGraceMinutes));
        this.reaperGraceMinutes = reaperGraceMinutes;
    }

    /**
     * How long the build cache this Jenkins keeps (the layers of the images it built, so the next build of the same
     * Dockerfile is cached) may stay unused; {@code 0} with a size of {@code 0} keeps no cache.
     */
    public String getBuildCacheMaxUnused() {
        return buildCacheMaxUnused;
    }

    @DataBoundSetter
    public void setBuildCacheMaxUnused(String buildCacheMaxUnused) {
        String value = blankToNull(buildCacheMaxUnused) == null ? DEFAULT_BUILD_CACHE_MAX_UNUSED : buildCacheMaxUnused.trim();
        reject("buildCacheMaxUnused", ConfigValidation.buildCache(value, "1GB"));
        this.buildCacheMaxUnused = value;
    }

    /** How much build cache this Jenkins keeps per Docker engine, e.g. {@code 10GB}; {@code 0} with {@code 0} unused keeps none. */
    public String getBuildCacheMaxSize() {
        return buildCacheMaxSize;
    }

    @DataBoundSetter
    public void setBuildCacheMaxSize(String buildCacheMaxSize) {
        String value = blankToNull(buildCacheMaxSize) == null ? DEFAULT_BUILD_CACHE_MAX_SIZE : buildCacheMaxSize.trim();
        reject("buildCacheMaxSize", ConfigValidation.buildCache("1d", value));
        this.buildCacheMaxSize = value;
    }

    /**
     * The bound of the build cache as the engine takes it.
     *
     * @throws InvalidSettingException when the two settings disagree (one zero, the other not)
     */
    public BuildCachePolicy buildCachePolicy() {
        try {
            return BuildCachePolicy.parse(buildCacheMaxUnused, buildCacheMaxSize, "buildCache");
        } catch (InvalidRequestException e) {
            throw new InvalidSettingException("buildCacheMaxUnused", e.getMessage());
        }
    }

    /** The owner id stamped on everything this Jenkins creates (shown read-only, for {@code docker ps --filter label=...}). */
    public String getOwnerIdForDisplay() {
        try {
            return JenkinsIdentity.ownerId();
        } catch (IOException e) {
            return Messages.DockerCiConfiguration_ownerIdUnavailable(e.getMessage());
        }
    }

    @Override
    public String getDisplayName() {
        return Messages.DockerCiConfiguration_displayName();
    }

    @Override
    public Permission getRequiredGlobalConfigPagePermission() {
        return Jenkins.ADMINISTER;
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        DockerCiConfiguration submitted = new DockerCiConfiguration(true);
        try {
            req.bindJSON(submitted, json);
        } catch (InvalidSettingException e) {
            throw new FormException(e.getMessage(), e.setting());
        }
        try {
            submitted.buildCachePolicy();
        } catch (InvalidSettingException e) {
            throw new FormException(e.getMessage(), e.setting());
        }
        copyFrom(submitted);
        save();
        return true;
    }

    private synchronized void copyFrom(DockerCiConfiguration other) {
        dockerHostUri = other.dockerHostUri;
        dockerHostCredentialsId = other.dockerHostCredentialsId;
        registries = new ArrayList<>(other.registries);
        builtImagePolicy = other.builtImagePolicy;
        stopGracePeriodSeconds = other.stopGracePeriodSeconds;
        reaperIntervalMinutes = other.reaperIntervalMinutes;
        reaperGraceMinutes = other.reaperGraceMinutes;
        buildCacheMaxUnused = other.buildCacheMaxUnused;
        buildCacheMaxSize = other.buildCacheMaxSize;
    }

    @POST
    public FormValidation doCheckDockerHostUri(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormPermissions.toForm(ConfigValidation.dockerHostUri(value));
    }

    @POST
    public FormValidation doCheckDockerHostCredentialsId(@QueryParameter String dockerHostUri, @QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ConfigValidation.dockerHostCredentials(dockerHostUri, value).map(FormValidation::warning)
                .orElseGet(FormValidation::ok);
    }

    @POST
    public ListBoxModel doFillDockerHostCredentialsIdItems(@QueryParameter String dockerHostUri,
                                                           @QueryParameter String dockerHostCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormPermissions.credentials(null, DockerServerCredentials.class, dockerHostUri, dockerHostCredentialsId);
    }

    @POST
    public ListBoxModel doFillBuiltImagePolicyItems() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return BuiltImagePolicy.choices(false);
    }

    @POST
    public FormValidation doCheckStopGracePeriodSeconds(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormPermissions.toForm(ConfigValidation.Range.STOP_GRACE_SECONDS.check(value));
    }

    @POST
    public FormValidation doCheckReaperIntervalMinutes(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormPermissions.toForm(ConfigValidation.Range.REAPER_INTERVAL_MINUTES.check(value));
    }

    @POST
    public FormValidation doCheckReaperGraceMinutes(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormPermissions.toForm(ConfigValidation.Range.REAPER_GRACE_MINUTES.check(value));
    }

    @POST
    public FormValidation doCheckBuildCacheMaxUnused(@QueryParameter String value, @QueryParameter String buildCacheMaxSize) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormPermissions.toForm(ConfigValidation.buildCache(value, buildCacheMaxSize));
    }

    @POST
    public FormValidation doCheckBuildCacheMaxSize(@QueryParameter String value, @QueryParameter String buildCacheMaxUnused) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FormPermissions.toForm(ConfigValidation.buildCache(buildCacheMaxUnused, value));
    }

    private static void reject(String setting, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new InvalidSettingException(setting, problem.get());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
