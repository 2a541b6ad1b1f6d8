package io.jenkins.plugins.dockerci.engine.ledger;

import java.util.Objects;

/**
 * One resource in a {@link ResourceLedger}: what was about to be created and, once Docker answered, its id.
 *
 * @param kind what it is
 * @param name the name it was created under (container, network or volume name; image or tag reference)
 * @param id   the id Docker returned, or {@code null} while only the intent is recorded (the run may have died
 *             before Docker answered, or the create call failed)
 */
public record LedgerEntry(ResourceKind kind, String name, String id) {

    public LedgerEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A ledger entry needs the " + kind + "'s name; it was blank");
        }
        if (id != null && id.isBlank()) {
            id = null;
        }
    }

    /** An intent: the engine is about to create it. */
    public static LedgerEntry intent(ResourceKind kind, String name) {
        return new LedgerEntry(kind, name, null);
    }

    /** Whether Docker confirmed the creation with an id. */
    public boolean confirmed() {
        return id != null;
    }

    LedgerEntry confirm(String createdId) {
        return new LedgerEntry(kind, name, createdId);
    }

    /** The id when known, else the name: what to address the resource by. */
    public String reference() {
        return confirmed() ? id : name;
    }
}
