package io.jenkins.plugins.dockerci.engine;

/**
 * The labels the engine puts on every container, network and volume it creates (images it builds are tied to their
 * run by tags instead, so that no label becomes an uncached build step: see {@link BuildAttribution}).
 *
 * <p>Cleanup and the orphan reaper find resources by these labels (images by the owner's run and cache tags), never
 * by a name someone else chose, so they survive lost ids and restarts and never touch anything unlabelled or owned by
 * someone else.
 */
public final class ManagedLabels {

    /** Present ({@code true}) on everything the engine created. */
    public static final String MANAGED = "io.jenkins.dockerci.managed";
    /** Who created it: one id per Jenkins instance or per command-line user. */
    public static final String OWNER = "io.jenkins.dockerci.owner";
    /** The run (build) that created it. */
    public static final String RUN = "io.jenkins.dockerci.run";
    /** When it was created, in epoch seconds. */
    public static final String CREATED = "io.jenkins.dockerci.created";

    private ManagedLabels() {
    }
}
