package io.jenkins.plugins.dockerci.config;

import hudson.util.ListBoxModel;
import io.jenkins.plugins.dockerci.Messages;

/** What cleanup does with the images a build built. */
public enum BuiltImagePolicy {

    /** Remove every image the build built (the default: agents' disks do not fill up). */
    REMOVE,
    /** Keep the images the build pushed (useful as a layer cache), remove the others. */
    KEEP_PUSHED,
    /** Keep every image the build built; containers, networks and volumes are removed all the same. */
    KEEP;

    /** The words every form uses for this policy. */
    public String getDisplayName() {
        return switch (this) {
            case REMOVE -> Messages.BuiltImagePolicy_remove();
            case KEEP_PUSHED -> Messages.BuiltImagePolicy_keepPushed();
            case KEEP -> Messages.BuiltImagePolicy_keep();
        };
    }

    /**
     * The choices of a form's select box, in the words of {@link #getDisplayName()}.
     *
     * @param globalDefault whether to offer "the global setting" first (empty value), as steps do
     */
    public static ListBoxModel choices(boolean globalDefault) {
        ListBoxModel items = new ListBoxModel();
        if (globalDefault) {
            items.add(Messages.BuiltImagePolicy_global(), "");
        }
        for (BuiltImagePolicy policy : values()) {
            items.add(policy.getDisplayName(), policy.name());
        }
        return items;
    }
}
