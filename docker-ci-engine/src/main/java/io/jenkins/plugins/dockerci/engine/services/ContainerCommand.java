package io.jenkins.plugins.dockerci.engine.services;

import java.util.List;
import java.util.Objects;

/**
 * The command a container runs: either exec form (an argument list passed as is) or a shell script run by
 * {@code /bin/sh -c}. The two are distinct on purpose, so arguments are never glued into a string and re-split.
 */
public sealed interface ContainerCommand permits ContainerCommand.Exec, ContainerCommand.Shell {

    /** Exec form: {@code argv[0]} is the program, the rest its arguments, passed without a shell. */
    static ContainerCommand exec(String... argv) {
        return new Exec(List.of(argv));
    }

    /** Exec form from a list. */
    static ContainerCommand exec(List<String> argv) {
        return new Exec(argv);
    }

    /** A script run by {@code /bin/sh -c}; the image must contain {@code /bin/sh}. */
    static ContainerCommand shell(String script) {
        return new Shell(script);
    }

    /** The argument vector handed to Docker as the container's CMD. */
    List<String> argv();

    /** Exec form. */
    record Exec(List<String> args) implements ContainerCommand {
        public Exec {
            Objects.requireNonNull(args, "args");
            if (args.isEmpty() || args.get(0) == null || args.get(0).isBlank()) {
                throw new IllegalArgumentException("an exec-form command needs a program as its first element, was " + args);
            }
            args = List.copyOf(args);
        }

        @Override
        public List<String> argv() {
            return args;
        }
    }

    /** Shell form. */
    record Shell(String script) implements ContainerCommand {
        public Shell {
            Objects.requireNonNull(script, "script");
            if (script.isBlank()) {
                throw new IllegalArgumentException("a shell command needs a non-blank script");
            }
        }

        @Override
        public List<String> argv() {
            return List.of("/bin/sh", "-c", script);
        }
    }
}
