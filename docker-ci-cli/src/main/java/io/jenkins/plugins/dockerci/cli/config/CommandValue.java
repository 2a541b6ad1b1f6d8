package io.jenkins.plugins.dockerci.cli.config;

import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import java.util.Optional;

/** A command as the vocabulary writes it: a string runs under {@code /bin/sh -c}, a list is the exec form. */
final class CommandValue {

    private CommandValue() {
    }

    static Optional<ContainerCommand> read(ConfigNode node, Reading r) {
        if (node.isMissing()) {
            return Optional.empty();
        }
        if (node.isSequence()) {
            var argv = r.strings(node);
            return argv.isEmpty() ? Optional.empty() : r.check(node, () -> ContainerCommand.exec(argv));
        }
        return r.text(node).flatMap(script -> r.check(node, () -> ContainerCommand.shell(script)));
    }
}
