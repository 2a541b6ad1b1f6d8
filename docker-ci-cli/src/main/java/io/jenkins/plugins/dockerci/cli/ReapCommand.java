package io.jenkins.plugins.dockerci.cli;

import io.jenkins.plugins.dockerci.cli.flow.ActiveRuns;
import io.jenkins.plugins.dockerci.cli.flow.CliIdentity;
import io.jenkins.plugins.dockerci.cli.output.ConsoleLog;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.cleanup.LabelledResource;
import io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docker-ci reap}: removes what runs of this user left on the Docker host (a killed run, kept debugging
 * containers). Only resources labelled with this user's owner id and a run that no longer runs are touched.
 */
@Command(name = "reap", mixinStandardHelpOptions = true,
        description = "Remove leftovers of this user's finished docker-ci runs (by label; never anything else).")
final class ReapCommand implements Callable<Integer> {

    private final Main main;

    @Option(names = "--dry-run", description = "only list what would be removed")
    boolean dryRun;

    @Option(names = "--grace", defaultValue = "0s", description = "leave resources younger than this (default: ${DEFAULT-VALUE})")
    String grace;

    ReapCommand(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() throws IOException {
        ConsoleLog console = new ConsoleLog(main.out(), ConsoleLog.terminalWantsColour(), false);
        CliIdentity identity = CliIdentity.of(main.env());
        ActiveRuns active = new ActiveRuns(identity.runsDir());
        Duration minimumAge;
        DockerEndpoint endpoint;
        try {
            minimumAge = DurationText.parse(grace, "--grace");
            endpoint = DockerEndpoint.fromEnvironment(main.env());
        } catch (InvalidRequestException | IllegalArgumentException e) {
            console.error(e.getMessage());
            return Main.INVALID_INPUT;
        }
        try {
            DockerClients.connect(endpoint).close();
        } catch (DockerCiException e) {
            console.error(e.getMessage());
            return Main.DOCKER_ERROR;
        }
        console.always("owner " + identity.ownerId() + " on " + endpoint.describe());
        try (Cleaner cleaner = Cleaner.open(endpoint, Cleaner.DEFAULT_CALL_TIMEOUT, console)) {
            OrphanReaper reaper = new OrphanReaper(cleaner, CleanupPolicy.REMOVE_ALL, console, Clock.systemUTC());
            if (dryRun) {
                List<LabelledResource> found = reaper.dryRun(identity.ownerId(), active::isActive, minimumAge);
                found.forEach(r -> console.always("would remove " + r.kind().name().toLowerCase(java.util.Locale.ROOT)
                        + " " + r.name() + " (run " + r.runId() + ")"));
                console.always(found.size() + " resource(s) would be removed");
                return 0;
            }
            List<CleanupReport> reports = reaper.reap(identity.ownerId(), active::isActive, minimumAge);
            reports.forEach(report -> console.always(report.summary()));
            console.always(reports.size() + " finished run(s) reaped");
            return reports.stream().allMatch(CleanupReport::isClean) ? 0 : Main.DOCKER_ERROR;
        }
    }
}
