package io.jenkins.plugins.dockerci.engine.build;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.util.Locale;

/**
 * Which of the engine's builders builds an image: the build parameter {@code builder}, and in a
 * {@link BuiltImage} the one that ran.
 */
public enum BuilderChoice {

    /** BuildKit when the engine offers it (see {@link io.jenkins.plugins.dockerci.engine.buildkit.BuildKitSupport}), else classic. */
    AUTO,
    /** The engine's built-in BuildKit: {@code RUN --mount}, secrets, skipped unused stages, labels without build steps. */
    BUILDKIT,
    /** The classic builder ({@code DOCKER_BUILDKIT=0}), which Docker deprecated. */
    CLASSIC;

    /** The name as written in the step parameters: {@code auto}, {@code buildkit}, {@code classic}. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a parameter value ({@code auto}, {@code buildkit}, {@code classic}; any case); {@code null} or blank
     * means {@link #AUTO}.
     *
     * @throws InvalidRequestException naming the allowed values otherwise
     */
    public static BuilderChoice parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        for (BuilderChoice choice : values()) {
            if (choice.parameterValue().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return choice;
            }
        }
        throw new InvalidRequestException("Invalid builder '" + value + "': use auto (BuildKit when the engine offers it),"
                + " buildkit or classic.");
    }
}
