package io.jenkins.plugins.dockerci.log;

import java.io.Serializable;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Replaces every occurrence of known secret values in a text with {@value #MASK}.
 *
 * <p>Serialisable because it travels with the work to the agent, where the log lines are produced. Longer secrets are
 * replaced first, so a secret that contains another one is hidden whole. {@link #toString()} never shows a secret.
 */
public final class SecretMasker implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a secret looks like once masked (the Jenkins convention). */
    public static final String MASK = "****";

    /** A masker that knows no secrets. */
    public static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> secrets;

    private SecretMasker(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A masker for these values; null and empty values are ignored (they cannot be told apart from text). */
    public static SecretMasker of(Collection<String> secrets) {
        return new SecretMasker(secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> !s.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    /** {@code text} with every secret replaced; {@code null} stays {@code null}. */
    public String mask(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    @Override
    public String toString() {
        return "SecretMasker[" + secrets.size() + " secret(s)]";
    }
}
