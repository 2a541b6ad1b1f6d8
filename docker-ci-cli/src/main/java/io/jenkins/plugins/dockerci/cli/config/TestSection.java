package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.registry.PullPolicy;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import io.jenkins.plugins.dockerci.engine.testrun.TestRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code dockerTest}: the same parameters as the Pipeline step (without {@code returnStatus}; {@code registry}
 * is read by {@link RegistrySection}).
 */
final class TestSection {

    static final List<String> KEYS = List.of("image", "command", "entrypoint", "env", "workdir", "user", "services",
            "reports", "reportsDir", "timeout", "stopGracePeriod", "legacyLinks", "keepOnFailure", "pull", "registry");

    private TestSection() {
    }

    static Optional<TestRequest> read(ConfigNode section, Reading r, boolean hasBuild) {
        section.allowOnly(KEYS, r.problems());
        Optional<String> image = r.text(section.get("image"));
        if (image.isEmpty() && !hasBuild) {
            r.problem(section, "no 'image' to test and no dockerBuild step to make one: add image: <reference>");
        }
        Optional<PullPolicy> pull = r.pullPolicy(section.get("pull"));
        Optional<ContainerCommand> command = CommandValue.read(section.get("command"), r);
        ConfigNode entrypointNode = section.get("entrypoint");
        List<String> entrypoint = r.strings(entrypointNode);
        var env = r.stringMap(section.get("env"));
        Optional<String> workdir = r.text(section.get("workdir"));
        Optional<String> user = r.text(section.get("user"));
        var services = ServicesSection.read(section.get("services"), r);
        List<String> reports = r.strings(section.get("reports"));
        Path reportsDir = r.baseDir().resolve(r.text(section.get("reportsDir"), "docker-ci-reports")).normalize();
        var timeout = r.duration(section.get("timeout"));
        var grace = r.duration(section.get("stopGracePeriod"));
        boolean legacyLinks = r.bool(section.get("legacyLinks"), false);
        boolean keepOnFailure = r.bool(section.get("keepOnFailure"), false);
        return r.check(section, () -> {
            TestRequest.Builder b = TestRequest.builder(image.orElse(FlowPlan.BUILT_IMAGE))
                    .legacyLinks(legacyLinks).keepOnFailure(keepOnFailure);
            pull.ifPresent(b::pull);
            command.ifPresent(b::command);
            if (!entrypointNode.isMissing()) {
                b.entrypoint(entrypoint);
            }
            // values may use service coordinates (${db.host}); the engine resolves them once the services run
            env.forEach(b::env);
            workdir.ifPresent(b::workdir);
            user.ifPresent(b::user);
            services.forEach(b::service);
            if (!reports.isEmpty()) {
                b.reports(reportsDir, reports.toArray(String[]::new));
            }
            timeout.ifPresent(b::timeout);
            grace.ifPresent(b::stopGracePeriod);
            return b.build();
        });
    }
}
