package io.jenkins.plugins.dockerci.benchmarks;

/** The faults the cleanup soak injects, one per run, chosen at random. */
enum SoakFault {
    /** Nothing goes wrong. */
    NONE("no fault"),
    /** A service container is removed behind cleanup's back (Docker answers 404). */
    CONTAINER_ALREADY_REMOVED("container already removed"),
    /** An unlabelled container joins the run's network, so removing the network fails (engine API error). */
    NETWORK_IN_USE("network still in use"),
    /** An unlabelled container runs the built image, so removing the image fails (engine API error). */
    IMAGE_IN_USE("image still in use"),
    /** The process died between an intent and its confirmation: one id never reaches the ledger. */
    LOST_CONFIRMATION("confirmation lost"),
    /** The ledger is lost altogether: only the run label is left to go by (the reaper cleans up). */
    NO_LEDGER("ledger lost"),
    /** The cleaning thread is interrupted again and again while it cleans (an aborted build). */
    INTERRUPTED("interrupt storm during cleanup"),
    /** The run fails half-way through creating its resources. */
    FAILED_MID_RUN("run failed half-way");

    private final String description;

    SoakFault(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** Whether the fault makes cleanup fail until someone removes the blocker (then the reaper finishes the job). */
    boolean blocksCleanup() {
        return this == NETWORK_IN_USE || this == IMAGE_IN_USE;
    }
}
