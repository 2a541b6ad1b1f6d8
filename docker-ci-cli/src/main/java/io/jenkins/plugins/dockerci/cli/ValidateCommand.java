package io.jenkins.plugins.dockerci.cli;

import io.jenkins.plugins.dockerci.cli.config.FlowFileReader;
import io.jenkins.plugins.dockerci.cli.config.Problem;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docker-ci validate}: checks a file and prints every problem with its YAML path and line; no Docker needed. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check docker-ci.yml (keys, references, templates, Dockerfile) without touching Docker.")
final class ValidateCommand implements Callable<Integer> {

    private final Main main;

    @Option(names = {"-f", "--file"}, defaultValue = "docker-ci.yml", description = "the flow file (default: ${DEFAULT-VALUE})")
    Path file;

    ValidateCommand(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() {
        FlowFileReader.Result result = new FlowFileReader(main.env()).read(file);
        if (result.problems().isEmpty()) {
            main.out().println(file + " is valid");
            return 0;
        }
        main.out().println(file + " has " + result.problems().size() + " problem(s):");
        for (Problem problem : result.problems()) {
            main.out().println("  " + file.getFileName() + ":" + problem);
        }
        return Main.INVALID_INPUT;
    }
}
