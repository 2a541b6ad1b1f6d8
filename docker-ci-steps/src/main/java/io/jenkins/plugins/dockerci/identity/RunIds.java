package io.jenkins.plugins.dockerci.identity;

import hudson.model.Run;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The run id of a build: the value of the run label on everything the build creates, and the key its cleanup uses.
 *
 * <p>It reads like the build ({@code folder_my-app-42-…}) and fits the label alphabet
 * {@code [A-Za-z0-9][A-Za-z0-9_.-]{0,127}}. Replacing characters could make two jobs look alike ({@code a b} and
 * {@code a_b}), so a hash of the exact job name is appended: different builds never share a run id.
 */
public final class RunIds {

    private static final int MAX_LENGTH = 128;
    private static final int HASH_CHARS = 12;

    private RunIds() {
    }

    /** The run id of this build. */
    public static String of(Run<?, ?> run) {
        return fromExternalizableId(run.getExternalizableId());
    }

    /** The run id for Jenkins' externalizable build id {@code <job full name>#<build number>}. */
    static String fromExternalizableId(String externalizableId) {
        int hash = externalizableId.lastIndexOf('#');
        if (hash <= 0 || hash == externalizableId.length() - 1) {
            throw new IllegalArgumentException("'" + externalizableId + "' is not a build id of the form <job>#<number>");
        }
        return of(externalizableId.substring(0, hash), Integer.parseInt(externalizableId.substring(hash + 1)));
    }

    /** The run id of build {@code buildNumber} of the job with this full name (folders separated by '/'). */
    public static String of(String jobFullName, int buildNumber) {
        if (jobFullName.isEmpty()) {
            throw new IllegalArgumentException("the job name must not be empty");
        }
        if (buildNumber < 0) {
            throw new IllegalArgumentException("build number " + buildNumber + " must not be negative");
        }
        String suffix = "-" + buildNumber + "-" + shortHash(jobFullName);
        String name = sanitise(jobFullName);
        int room = MAX_LENGTH - suffix.length();
        return (name.length() > room ? name.substring(0, room) : name) + suffix;
    }

    private static String sanitise(String jobFullName) {
        StringBuilder out = new StringBuilder(jobFullName.length());
        for (int i = 0; i < jobFullName.length(); i++) {
            char c = jobFullName.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
            out.append(safe ? c : '_');
        }
        if (!Character.isLetterOrDigit(out.charAt(0)) || out.charAt(0) >= 128) {
            out.insert(0, 'j');
        }
        return out.toString();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
