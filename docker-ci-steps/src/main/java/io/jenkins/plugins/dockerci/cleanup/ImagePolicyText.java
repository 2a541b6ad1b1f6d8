package io.jenkins.plugins.dockerci.cleanup;

import io.jenkins.plugins.dockerci.config.BuiltImagePolicy;
import java.util.Arrays;
import java.util.Locale;

/** The {@code builtImagePolicy} parameter as text: blank means the global setting. */
public final class ImagePolicyText {

    private ImagePolicyText() {
    }

    /**
     * The policy named by {@code text}, or {@code null} for blank.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static BuiltImagePolicy parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return BuiltImagePolicy.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("builtImagePolicy: '" + text + "' is not one of "
                    + Arrays.toString(BuiltImagePolicy.values()) + " (or blank for the global setting)", e);
        }
    }
}
