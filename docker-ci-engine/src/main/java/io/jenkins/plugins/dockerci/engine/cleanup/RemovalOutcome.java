package io.jenkins.plugins.dockerci.engine.cleanup;

import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import java.util.Objects;

/**
 * What cleanup did with one resource.
 *
 * @param kind   what it is
 * @param name   its name or reference (or its id when only that is known)
 * @param id     its Docker id when known, else {@code null}
 * @param status what happened
 * @param detail why it was kept, why removing it failed, or how it was found; never {@code null}, may be empty
 */
public record RemovalOutcome(ResourceKind kind, String name, String id, Status status, String detail) {

    /** What happened to a resource. */
    public enum Status {
        /** Cleanup removed it. */
        REMOVED,
        /** It was not there any more (removed by someone else, or never created): nothing to do. */
        ALREADY_GONE,
        /** Left on purpose: the policy keeps it, or it is not labelled with this run. */
        KEPT,
        /**
         * An image the run built, kept on purpose as build cache under its cache tag (see
         * {@link BuildCachePolicy}): not a leak, and bounded by the policy.
         */
        CACHED,
        /** Removing it failed; {@link #detail()} says why. It is still labelled, so the reaper retries. */
        FAILED,
        /**
         * Recorded as about to be created, never confirmed, and the engine cannot be reached now: the create call most
         * likely never reached Docker. Not a warning; if it does exist, it carries its labels and the reaper removes it.
         */
        NOT_CREATED
    }

    public RemovalOutcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    /** One line for a log: "removed container dci-db (3f2a…)", "could not remove network …: reason". */
    public String describe() {
        String what = kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name
                + (id != null && !id.equals(name) ? " (" + shortId(id) + ")" : "");
        String suffix = detail.isEmpty() ? "" : ": " + detail;
        return switch (status) {
            case REMOVED -> "removed " + what + suffix;
            case ALREADY_GONE -> what + " was already gone" + suffix;
            case KEPT -> "kept " + what + suffix;
            case CACHED -> "kept " + what + " as build cache" + suffix;
            case FAILED -> "could not remove " + what + suffix;
            case NOT_CREATED -> what + " was never created" + suffix;
        };
    }

    private static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
