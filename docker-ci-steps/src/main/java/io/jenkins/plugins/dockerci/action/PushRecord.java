package io.jenkins.plugins.dockerci.action;

import java.util.Objects;

/** A reference a build pushed, with the digest the registry reported. A plain value: stored in {@code build.xml}. */
public final class PushRecord {

    private final String reference;
    private final String digest;

    /**
     * @param reference the pushed reference, e.g. {@code registry.example.com/team/app:1}
     * @param digest    the manifest digest ({@code sha256:…})
     */
    public PushRecord(String reference, String digest) {
        this.reference = Objects.requireNonNull(reference, "reference");
        this.digest = Objects.requireNonNull(digest, "digest");
    }

    public String getReference() {
        return reference;
    }

    public String getDigest() {
        return digest;
    }

    /** The immutable form {@code repository@digest}: the reference without its tag, pinned to the digest. */
    public String getPinned() {
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        String repository = colon > slash ? reference.substring(0, colon) : reference;
        return repository + "@" + digest;
    }
}
