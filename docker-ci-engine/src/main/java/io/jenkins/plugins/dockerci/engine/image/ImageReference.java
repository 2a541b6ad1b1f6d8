package io.jenkins.plugins.dockerci.engine.image;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image reference ({@code [registry[:port]/]path[:tag][@digest]}) parsed, validated and normalised by the
 * grammar of Docker's reference library, so that what the form accepts is what the engine accepts.
 *
 * <p>Normalisation follows Docker: a first component without {@code .} or {@code :} that is not {@code localhost}
 * is not a registry, so {@code busybox} means {@code docker.io/library/busybox}; {@code index.docker.io} means
 * {@code docker.io}. The tag is kept as given ({@code null} when absent; see {@link #tagOrLatest()}).
 *
 * @param domain the registry, e.g. {@code docker.io}, {@code 127.0.0.1:5000}
 * @param path   the repository path inside the registry, e.g. {@code library/busybox}, {@code team/app}
 * @param tag    the tag, or {@code null}
 * @param digest the digest ({@code sha256:…}), or {@code null}
 */
public record ImageReference(String domain, String path, String tag, String digest) {

    /** The registry Docker assumes when a reference names none. */
    public static final String DOCKER_HUB = "docker.io";

    private static final int NAME_MAX = 255;
    private static final int TAG_MAX = 128;
    private static final Pattern DOMAIN_COMPONENT = Pattern.compile("[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]");
    private static final Pattern IPV6 = Pattern.compile("\\[[a-fA-F0-9:]+\\]");
    private static final Pattern PORT = Pattern.compile("[0-9]+");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[_.]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0," + (TAG_MAX - 1) + "}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final Pattern SHA256 = Pattern.compile("sha256:[0-9a-f]{64}");

    public ImageReference {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Parses and normalises a reference.
     *
     * @throws InvalidRequestException naming the offending part and the rule it breaks
     */
    public static ImageReference parse(String reference) {
        if (reference == null || reference.isBlank()) {
            throw invalid(String.valueOf(reference), "it is empty: give a name such as 'app', 'team/app:1.0' or '127.0.0.1:5000/team/app:1.0'");
        }
        if (!reference.equals(reference.strip())) {
            throw invalid(reference, "it has leading or trailing white space");
        }
        String rest = reference;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            checkDigest(reference, digest);
        }
        String tag = null;
        int lastColon = rest.lastIndexOf(':');
        if (lastColon > rest.lastIndexOf('/')) {
            tag = rest.substring(lastColon + 1);
            rest = rest.substring(0, lastColon);
            checkTag(reference, tag);
        }
        if (rest.length() > NAME_MAX) {
            throw invalid(reference, "the name is " + rest.length() + " characters long; at most " + NAME_MAX + " are allowed");
        }
        String domain = DOCKER_HUB;
        String path = rest;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || !first.equals(first.toLowerCase(Locale.ROOT))) {
                domain = first;
                path = rest.substring(slash + 1);
                checkDomain(reference, domain);
            }
        }
        if (domain.equals("index.docker.io")) {
            domain = DOCKER_HUB;
        }
        checkPath(reference, path);
        if (domain.equals(DOCKER_HUB) && !path.contains("/")) {
            path = "library/" + path;
        }
        return new ImageReference(domain, path, tag, digest);
    }

    /** Whether {@code tag} is a valid tag by Docker's rule. */
    public static boolean isValidTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    /** The tag, or {@code latest} when the reference names neither a tag nor a digest, as Docker assumes. */
    public String tagOrLatest() {
        return tag != null ? tag : "latest";
    }

    /** {@code registry/path} in full, e.g. {@code docker.io/library/busybox}. */
    public String canonicalName() {
        return domain + "/" + path;
    }

    /** The name as people write it: {@code busybox} rather than {@code docker.io/library/busybox}. */
    public String familiarName() {
        if (!domain.equals(DOCKER_HUB)) {
            return canonicalName();
        }
        return path.startsWith("library/") && path.indexOf('/', "library/".length()) < 0 ? path.substring("library/".length()) : path;
    }

    /** The same repository with another tag and no digest. */
    public ImageReference withTag(String newTag) {
        return parse(familiarName() + ":" + newTag);
    }

    /** Whether the reference pins a digest. */
    public boolean hasDigest() {
        return digest != null;
    }

    /** The familiar form with tag and digest as given, e.g. {@code 127.0.0.1:5000/team/app:1}. */
    @Override
    public String toString() {
        return familiarName() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    private static void checkDigest(String reference, String digest) {
        if (!DIGEST.matcher(digest).matches()) {
            throw invalid(reference, "digest '" + digest + "' must be algorithm:hex with at least 32 hex digits, e.g. sha256:<64 hex digits>");
        }
        if (digest.startsWith("sha256:") && !SHA256.matcher(digest).matches()) {
            throw invalid(reference, "digest '" + digest + "' must be 'sha256:' followed by exactly 64 lowercase hex digits");
        }
    }

    private static void checkTag(String reference, String tag) {
        if (tag.length() > TAG_MAX) {
            throw invalid(reference, "tag '" + tag + "' is " + tag.length() + " characters long; at most " + TAG_MAX + " are allowed");
        }
        if (!TAG.matcher(tag).matches()) {
            throw invalid(reference, "tag '" + tag + "' may contain only letters, digits, '_', '.' and '-', and must not start with '.' or '-'");
        }
    }

    private static void checkDomain(String reference, String domain) {
        String host = domain;
        int colon = domain.lastIndexOf(':');
        if (colon >= 0 && !domain.endsWith("]")) {
            String port = domain.substring(colon + 1);
            host = domain.substring(0, colon);
            if (!PORT.matcher(port).matches()) {
                throw invalid(reference, "registry '" + domain + "' has port '" + port + "', which is not a number");
            }
        }
        if (IPV6.matcher(host).matches()) {
            return;
        }
        for (String component : host.split("\\.", -1)) {
            if (!DOMAIN_COMPONENT.matcher(component).matches()) {
                throw invalid(reference, "registry host '" + host + "' is not a valid host name: each dot-separated part must be"
                        + " letters, digits and inner '-'");
            }
        }
    }

    private static void checkPath(String reference, String path) {
        if (path.isEmpty()) {
            throw invalid(reference, "the repository name is empty");
        }
        if (!path.equals(path.toLowerCase(Locale.ROOT))) {
            throw invalid(reference, "repository name '" + path + "' must be lowercase");
        }
        for (String component : path.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw invalid(reference, "repository path component '" + component + "' must be lowercase letters and digits,"
                        + " separated by '.', '_', '__' or dashes, and may not start or end with a separator");
            }
        }
    }

    private static InvalidRequestException invalid(String reference, String why) {
        return new InvalidRequestException("Invalid image reference '" + reference + "': " + why + ".");
    }
}
