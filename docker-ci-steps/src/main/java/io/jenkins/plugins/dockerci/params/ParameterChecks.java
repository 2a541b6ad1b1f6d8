package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.config.ConfigValidation;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.services.EnvTemplates;
import io.jenkins.plugins.dockerci.steps.NameValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks behind the steps' {@code doCheck*} form methods, and the parsers the run uses: each form check runs the
 * parser the run uses and returns its message, or empty when the value is fine. A value holding a {@code $} is
 * expanded from the build's environment at run time (freestyle), so only the run can judge it: it passes here.
 */
public final class ParameterChecks {

    private static final Pattern BUILD_VARIABLE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");

    private ParameterChecks() {
    }

    /** An optional image reference. */
    public static Optional<String> reference(String value) {
        return deferred(value) ? Optional.empty() : problem(() -> ImageReference.parse(value.trim()));
    }

    /** An optional image: an id ({@code sha256:…} or its short hex form) or a reference. */
    public static Optional<String> image(String value) {
        return value != null && IMAGE_ID.matcher(value.trim()).matches() ? Optional.empty() : reference(value);
    }

    /** Image references, one per line. */
    public static Optional<String> references(String value) {
        for (String item : FormText.list(value)) {
            Optional<String> problem = reference(item);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** An optional regular expression (a readiness log pattern). */
    public static Optional<String> pattern(String value) {
        if (deferred(value)) {
            return Optional.empty();
        }
        try {
            Pattern.compile(value);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(Messages.ParameterChecks_notARegex(value, e.getDescription()));
        }
    }

    /**
     * Environment lines whose values may use service templates ({@code ${db.host}}, {@code ${db.port.5432}},
     * {@code ${db.env.VAR}}); the template syntax is checked here, the service names when the step runs.
     */
    public static Optional<String> environment(String value, String what) {
        return problem(() -> {
            Map<String, String> templates = new LinkedHashMap<>();
            FormText.assignments(value, what).forEach((name, text) -> {
                // ${BUILD_NUMBER}-style build variables are expanded before the templates are read
                String withoutBuildVariables = BUILD_VARIABLE.matcher(text).replaceAll("");
                if (withoutBuildVariables.contains("${")) {
                    templates.put(name, withoutBuildVariables);
                }
            });
            EnvTemplates.parse(templates);
        });
    }

    /** An optional duration ({@code 90s}, {@code 5m}, …). */
    public static Optional<String> duration(String value, String what) {
        return deferred(value) ? Optional.empty() : problem(() -> positive(DurationText.parse(value, what), what));
    }

    /** An optional build platform, {@code os/architecture[/variant]}. */
    public static Optional<String> platform(String value) {
        return deferred(value) ? Optional.empty()
                : problem(() -> BuildRequest.builder(Path.of(".")).platform(value.trim()).build());
    }

    /** Ports, one per line or separated by commas. */
    public static Optional<String> ports(String value, String what) {
        return deferred(value) ? Optional.empty() : problem(() -> FormText.ports(value, what));
    }

    /** {@code NAME=value} lines. */
    public static Optional<String> assignments(String value, String what) {
        return problem(() -> FormText.assignments(value, what));
    }

    /** Build arguments: {@code NAME=value} lines whose names the engine accepts. */
    public static Optional<String> buildArgs(String value) {
        return problem(() -> BuildSettings.builder().buildArgs(FormText.assignments(value, "dockerBuild.buildArgs")).build());
    }

    /** A count of 1 or more (attempts, matching log lines). */
    public static Optional<String> atLeastOne(String value, String what) {
        if (deferred(value)) {
            return Optional.empty();
        }
        try {
            return Integer.parseInt(value.trim()) >= 1 ? Optional.empty() : Optional.of(Messages.ParameterChecks_atLeastOne(what, value));
        } catch (NumberFormatException e) {
            return Optional.of(Messages.ParameterChecks_atLeastOne(what, value));
        }
    }

    /** An optional registry URL. */
    public static Optional<String> registryUrl(String value) {
        return deferred(value) ? Optional.empty() : ConfigValidation.registryUrl(value);
    }

    /** An optional directory inside the workspace. */
    public static Optional<String> relativePath(String value, String what) {
        return deferred(value) || !Path.of(value.trim()).isAbsolute() ? Optional.empty()
                : Optional.of(Messages.ParameterChecks_absolutePath(what, value));
    }

    /** Parses a duration the way the steps do: blank means {@code defaultValue}. */
    public static Duration parseDuration(String value, String what, Duration defaultValue) {
        return value == null || value.isBlank() ? defaultValue : positive(DurationText.parse(value, what), what);
    }

    /**
     * A map parameter as the step uses it: its values expanded (freestyle), each name once.
     *
     * @throws InvalidRequestException naming the parameter and the name given twice
     */
    public static Map<String, String> environment(StepRun run, List<NameValue> entries, String what) {
        Map<String, String> map = new LinkedHashMap<>();
        for (NameValue entry : entries) {
            if (entry.getName().isEmpty()) {
                throw new InvalidRequestException(Messages.ParameterChecks_emptyName(what));
            }
            if (map.put(entry.getName(), run.expand(entry.getValue())) != null) {
                throw new InvalidRequestException(Messages.ParameterChecks_duplicateName(what, entry.getName()));
            }
        }
        return map;
    }

    private static Duration positive(Duration duration, String what) {
        if (duration.isZero()) {
            throw new InvalidRequestException(Messages.ParameterChecks_zeroDuration(what));
        }
        return duration;
    }

    private static boolean deferred(String value) {
        return value == null || value.isBlank() || value.contains("$");
    }

    private static Optional<String> problem(Runnable parse) {
        try {
            parse.run();
            return Optional.empty();
        } catch (IllegalArgumentException | DockerCiException e) {
            return Optional.of(e.getMessage());
        }
    }
}
