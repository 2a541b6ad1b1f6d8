package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.services.ContainerCommand;
import java.io.Serializable;
import java.util.List;

/**
 * A container command as the steps take it: a string runs under {@code /bin/sh -c}, a list is the exec form.
 *
 * @param shell whether {@link #parts()} is one script for the shell
 * @param parts the script (one element) or the argument vector
 */
public record CommandSpec(boolean shell, List<String> parts) implements Serializable {

    public CommandSpec {
        parts = Jep200.list(parts);
        if (parts.isEmpty() || parts.get(0) == null || parts.get(0).isBlank() || (shell && parts.size() != 1)) {
            throw new InvalidRequestException(Messages.CommandSpec_empty(parts));
        }
    }

    /** A script for {@code /bin/sh -c}, or {@code null} when {@code script} is blank. */
    public static CommandSpec shell(String script) {
        return script == null || script.isBlank() ? null : new CommandSpec(true, List.of(script.strip()));
    }

    /** The exec form, or {@code null} when {@code argv} is empty. */
    public static CommandSpec exec(List<String> argv) {
        return argv == null || argv.isEmpty() ? null : new CommandSpec(false, argv);
    }

    /** The engine's command. */
    public ContainerCommand toCommand() {
        return shell ? ContainerCommand.shell(parts.get(0)) : ContainerCommand.exec(parts);
    }
}
