package io.jenkins.plugins.dockerci.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code docker-ci}: the build → test with services → push → cleanup flow of Docker CI Steps, from a YAML file,
 * without Jenkins.
 *
 * <p>Exit codes: 0 success, 1 tests failed, 2 invalid input, 3 Docker or registry error, 130 interrupted.
 */
@Command(name = "docker-ci", mixinStandardHelpOptions = true, version = "docker-ci 0.1.0",
        description = "Build, test with service containers, push and clean up, as described by docker-ci.yml.",
        subcommands = {RunCommand.class, ValidateCommand.class, ReapCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:tests failed", "2:invalid input", "3:Docker or registry error", "130:interrupted"})
public final class Main implements Runnable {

    /** Exit code for a file, option or reference that is not valid. */
    public static final int INVALID_INPUT = 2;
    /** Exit code for a Docker engine or registry failure. */
    public static final int DOCKER_ERROR = 3;

    private final Map<String, String> env;
    private final PrintStream out;

    Main(Map<String, String> env, PrintStream out) {
        this.env = Map.copyOf(env);
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command line and returns the exit code. */
    static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Main main = new Main(env, out);
        CommandLine cli = new CommandLine(main, new Factory(main));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? INVALID_INPUT : DOCKER_ERROR);
        return cli.execute(args);
    }

    Map<String, String> env() {
        return env;
    }

    PrintStream out() {
        return out;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    /** Hands the environment and output to the subcommands, so tests can run the CLI in-process. */
    private record Factory(Main main) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(main));
            }
            if (type == ValidateCommand.class) {
                return type.cast(new ValidateCommand(main));
            }
            if (type == ReapCommand.class) {
                return type.cast(new ReapCommand(main));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
