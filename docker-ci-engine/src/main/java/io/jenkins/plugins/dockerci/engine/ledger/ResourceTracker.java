package io.jenkins.plugins.dockerci.engine.ledger;

/**
 * Told about every resource the engine creates, so that cleanup can find it even if the run dies half-way.
 *
 * <p>The engine calls {@link #creating} <em>before</em> it asks Docker to create a resource (the name and the run
 * labels are enough to find it again), then {@link #created} once Docker returned the id. Implementations must be
 * thread-safe and fast; they may persist what they are told.
 */
public interface ResourceTracker {

    /** A tracker that records nothing (for callers that clean up by label alone). */
    ResourceTracker NONE = new ResourceTracker() {
        @Override
        public void creating(ResourceKind kind, String name) {
        }

        @Override
        public void created(ResourceKind kind, String name, String id) {
        }
    };

    /** The engine is about to create {@code name} of this kind. */
    void creating(ResourceKind kind, String name);

    /** Docker created {@code name}; {@code id} is the id it returned (for a tag: the image id). */
    void created(ResourceKind kind, String name, String id);

    /**
     * The engine pushed {@code reference} (a tag it added or an image name it built) to its registry, so cleanup
     * can keep it when the policy says to keep pushed tags. Trackers that do not care ignore it.
     */
    default void pushed(String reference) {
    }
}
