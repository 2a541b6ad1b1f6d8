package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.build.BuildRequest;
import io.jenkins.plugins.dockerci.engine.build.BuilderChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads {@code dockerBuild}: the same parameters as the Pipeline step ({@code registry} is read by {@link RegistrySection}). */
final class BuildSection {

    static final List<String> KEYS = List.of("context", "dockerfile", "tags", "buildArgs", "target", "labels", "pull",
            "noCache", "cacheFrom", "platform", "builder", "secrets", "timeout", "registry");

    private BuildSection() {
    }

    static Optional<BuildRequest> read(ConfigNode section, Reading r) {
        section.allowOnly(KEYS, r.problems());
        ConfigNode contextNode = section.get("context");
        Path context = r.baseDir().resolve(r.text(contextNode, ".")).normalize();
        if (!Files.isDirectory(context)) {
            r.problem(contextNode, "build context directory " + context + " does not exist; 'context' is relative to " + r.baseDir());
            return Optional.empty();
        }
        ConfigNode dockerfileNode = section.get("dockerfile");
        Optional<Path> dockerfile = r.text(dockerfileNode).map(context::resolve);
        Path expected = dockerfile.orElse(context.resolve("Dockerfile"));
        if (!Files.isRegularFile(expected)) {
            r.problem(dockerfile.isPresent() ? dockerfileNode : section,
                    "Dockerfile " + expected + " does not exist; 'dockerfile' is relative to the context " + context);
        }
        List<String> tags = r.strings(section.get("tags"));
        var buildArgs = r.stringMap(section.get("buildArgs"));
        Optional<String> target = r.text(section.get("target"));
        var labels = r.stringMap(section.get("labels"));
        boolean pull = r.bool(section.get("pull"), false);
        boolean noCache = r.bool(section.get("noCache"), false);
        List<String> cacheFrom = r.strings(section.get("cacheFrom"));
        Optional<String> platform = r.text(section.get("platform"));
        ConfigNode builderNode = section.get("builder");
        Optional<BuilderChoice> builder = r.text(builderNode).flatMap(text -> r.check(builderNode, () -> BuilderChoice.parse(text)));
        var secrets = SecretsSection.read(section.get("secrets"), r);
        var timeout = r.duration(section.get("timeout"));
        // the builder validates tags and build-arg names as they are added: one check covers them all
        return r.check(section, () -> {
            BuildRequest.Builder b = BuildRequest.builder(context).tags(tags).pull(pull).noCache(noCache);
            dockerfile.ifPresent(b::dockerfile);
            buildArgs.forEach(b::buildArg);
            target.ifPresent(b::target);
            labels.forEach(b::label);
            cacheFrom.forEach(b::cacheFrom);
            platform.ifPresent(b::platform);
            builder.ifPresent(b::builder);
            secrets.ifPresent(b::secrets);
            timeout.ifPresent(b::timeout);
            Optional.ofNullable(r.env().get("GIT_COMMIT")).ifPresent(b::revision);
            Optional.ofNullable(r.env().get("GIT_URL")).ifPresent(b::source);
            return b.build();
        });
    }
}
