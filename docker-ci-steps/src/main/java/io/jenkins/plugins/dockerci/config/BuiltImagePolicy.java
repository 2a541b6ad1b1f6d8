package io.jenkins.plugins.dockerci.config;

/** What cleanup does with the images a build built. */
public enum BuiltImagePolicy {
    /** Remove every image the build built (the default: agents' disks do not fill up). */
    REMOVE,
    /** Keep the images the build pushed (useful as a layer cache), remove the others. */
    KEEP_PUSHED,
    /** Keep every image the build built; containers, networks and volumes are removed all the same. */
    KEEP
}
