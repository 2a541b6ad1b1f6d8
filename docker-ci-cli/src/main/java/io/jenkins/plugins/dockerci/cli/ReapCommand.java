package io.jenkins.plugins.dockerci.cli;

import io.jenkins.plugins.dockerci.cli.flow.ActiveRuns;
import io.jenkins.plugins.dockerci.cli.flow.CliIdentity;
import io.jenkins.plugins.dockerci.cli.output.ConsoleLog;
import io.jenkins.plugins.dockerci.engine.ByteSizeText;
import io.jenkins.plugins.dockerci.engine.DockerCiException;
import io.jenkins.plugins.dockerci.engine.DurationText;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCachePolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.BuildCacheReport;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupPolicy;
import io.jenkins.plugins.dockerci.engine.cleanup.CleanupReport;
import io.jenkins.plugins.dockerci.engine.cleanup.LabelledResource;
import io.jenkins.plugins.dockerci.engine.cleanup.OrphanReaper;
import io.jenkins.plugins.dockerci.engine.docker.DockerClients;
import io.jenkins.plugins.dockerci.engine.docker.DockerEndpoint;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceKind;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code docker-ci reap}: removes what runs of this user left on the Docker host (a killed run, kept debugging
 * containers). Only resources labelled with this user's owner id and a run that no longer runs are touched. Then it
 * holds this user's build cache to its bound ({@code --cache-max-unused}, {@code --cache-max-size}) and prints what
 * the cache keeps on purpose and what it pruned.
 */
@Command(name = "reap", mixinStandardHelpOptions = true,
        description = "Remove leftovers of this user's finished docker-ci runs (by label; never anything else).")
final class ReapCommand implements Callable<Integer> {

    private final Main main;

    @Option(names = "--dry-run", description = "only list what would be removed")
    boolean dryRun;

    @Option(names = "--grace", defaultValue = "0s", description = "leave resources younger than this (default: ${DEFAULT-VALUE})")
    String grace;

    @Option(names = "--cache-max-unused", defaultValue = "7d", paramLabel = "DURATION",
            description = "build cache unused for longer than this is pruned; 0 (with --cache-max-size 0) keeps none (default: ${DEFAULT-VALUE})")
    String cacheMaxUnused;

    @Option(names = "--cache-max-size", defaultValue = "10GB", paramLabel = "SIZE",
            description = "the least recently used build cache is pruned while this user's cache holds more (default: ${DEFAULT-VALUE})")
    String cacheMaxSize;

    ReapCommand(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() throws IOException {
        ConsoleLog console = new ConsoleLog(main.out(), ConsoleLog.terminalWantsColour(), false);
        CliIdentity identity = CliIdentity.of(main.env());
        ActiveRuns active = new ActiveRuns(identity.runsDir());
        Duration minimumAge;
        BuildCachePolicy cache;
        DockerEndpoint endpoint;
        try {
            minimumAge = DurationText.parse(grace, "--grace");
            cache = BuildCachePolicy.parse(cacheMaxUnused, cacheMaxSize, "--cache-max-unused/--cache-max-size");
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
            OrphanReaper reaper = new OrphanReaper(cleaner, CleanupPolicy.REMOVE_ALL.withBuildCache(cache), console, Clock.systemUTC());
            if (dryRun) {
                List<LabelledResource> found = reaper.dryRun(identity.ownerId(), active::isActive, minimumAge);
                found.forEach(r -> console.always(r.kind() == ResourceKind.IMAGE
                        ? "would release image " + r.name() + " (run " + r.runId() + "): kept as build cache or removed, by the policy"
                        : "would remove " + r.kind().name().toLowerCase(Locale.ROOT) + " " + r.name() + " (run " + r.runId() + ")"));
                console.always(found.size() + " resource(s) of finished runs would be removed or released");
                printCache(console, reaper.dryRunBuildCache(identity.ownerId()));
                return 0;
            }
            OrphanReaper.Result result = reaper.reapWithCache(identity.ownerId(), active::isActive, minimumAge,
                    runId -> ledgerOf(identity, runId));
            result.runs().forEach(report -> {
                console.always(report.summary());
                report.cached().forEach(kept -> console.always("  " + kept.describe()));
            });
            console.always(result.runs().size() + " finished run(s) reaped");
            printCache(console, result.cache());
            boolean clean = result.runs().stream().allMatch(CleanupReport::isClean) && result.cache().failed().isEmpty();
            return clean ? 0 : Main.DOCKER_ERROR;
        }
    }

    /** The ledger a run of this user left in the state folder: it names the tags the run added. */
    private static Optional<ResourceLedger> ledgerOf(CliIdentity identity, String runId) {
        Path file = ResourceLedger.fileFor(identity.runsDir(), runId);
        return Files.isRegularFile(file) ? Optional.of(ResourceLedger.read(file)) : Optional.empty();
    }

    /** Cache kept on purpose and cache over the bound, one line each, then the totals. */
    private static void printCache(ConsoleLog console, BuildCacheReport cache) {
        cache.kept().forEach(image -> console.always("build cache kept: " + image.tag() + " (" + ByteSizeText.format(image.bytes())
                + ", last used " + image.lastUse() + ")"));
        boolean dryRun = cache.outcomes().isEmpty();
        cache.toPrune().forEach(image -> console.always("build cache " + (dryRun ? "to prune: " : "pruned: ") + image.tag()
                + " (" + ByteSizeText.format(image.bytes()) + "): " + image.reason()));
        cache.failed().forEach(failed -> console.always("build cache: " + failed.describe()));
        console.always(cache.summary());
    }
}
