package io.jenkins.plugins.dockerci.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The Markdown report of a cleanup soak. */
final class SoakReport {

    private static final Duration TARGET_P95 = Duration.ofSeconds(2);

    private final List<SoakRun.Result> results;
    private final long seed;
    private final String dockerVersion;
    private final Duration wallTime;
    private final String load;
    private final int leftForOwner;
    private final boolean bystandersSurvived;

    SoakReport(List<SoakRun.Result> results, long seed, String dockerVersion, Duration wallTime, String load,
               int leftForOwner, boolean bystandersSurvived) {
        this.results = List.copyOf(results);
        this.seed = seed;
        this.dockerVersion = dockerVersion;
        this.wallTime = wallTime;
        this.load = load;
        this.leftForOwner = leftForOwner;
        this.bystandersSurvived = bystandersSurvived;
    }

    String verdict() {
        Duration p95 = percentile(fullRunTimes(), 95);
        boolean clean = leftForOwner == 0 && results.stream().allMatch(r -> r.leftAtEnd() == 0 && r.anonymousVolumesLeft() == 0);
        return String.format(Locale.ROOT, "%s: %d runs, %d resources left, bystanders %s, cleanup p95 %s (target < %s: %s)",
                clean && bystandersSurvived ? "PASS" : "FAIL", results.size(), leftForOwner,
                bystandersSurvived ? "survived" : "DAMAGED", millis(p95), millis(TARGET_P95),
                p95.compareTo(TARGET_P95) < 0 ? "met" : "MISSED");
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Cleanup soak\n\n");
        md.append("Measured ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" by `benchmarks/run CleanupSoakBenchmark ")
                .append(results.size()).append(' ').append(seed).append("` (replays the same faults), against Docker ")
                .append(dockerVersion).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" CPU(s) shared with other work (").append(load).append("); wall time ").append(wallTime.toSeconds()).append(" s.\n\n");
        md.append("**").append(verdict()).append("**\n\n");
        md.append("Each run creates, with the run's labels and a `ResourceLedger` as tracker: a network, a named volume (half of the runs),\n")
                .append("three started service containers (each with an anonymous volume), an image built from a streamed context, and a tag;\n")
                .append("one fault is injected; then `Cleaner.cleanup(ledger, REMOVE_ALL)` runs (for *ledger lost*: `OrphanReaper.reapRun`),\n")
                .append("whatever blocked it is removed, and `OrphanReaper.reap` runs for the soak's owner. An unlabelled container and another\n")
                .append("owner's container run beside the soak the whole time and must survive. SIGKILL of the whole process is proven separately\n")
                .append("by `KilledRunIT` (a child JVM killed at random points).\n\n");
        md.append("## Totals\n\n| runs | resources created | cleanup failures reported | left after first cleanup | left at the end (must be 0)"
                + " | anonymous volumes left (must be 0) | bystanders survived |\n").append("|---:|---:|---:|---:|---:|---:|:---:|\n");
        md.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %d | %s |%n%n", results.size(),
                results.stream().mapToInt(SoakRun.Result::created).sum(),
                results.stream().mapToInt(SoakRun.Result::failuresReported).sum(),
                results.stream().mapToInt(SoakRun.Result::leftAfterCleanup).sum(), leftForOwner,
                results.stream().mapToInt(SoakRun.Result::anonymousVolumesLeft).sum(), bystandersSurvived ? "yes" : "NO"));
        md.append("## Faults by kind\n\n| fault | runs | resources created | failures reported | left after first cleanup | left at the end | cleanup p50 | p95 | max |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SoakFault fault : SoakFault.values()) {
            List<SoakRun.Result> of = results.stream().filter(r -> r.fault() == fault).toList();
            if (of.isEmpty()) {
                continue;
            }
            List<Duration> times = of.stream().map(SoakRun.Result::cleanupTime).toList();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %s | %s | %s |%n", fault.description(), of.size(),
                    of.stream().mapToInt(SoakRun.Result::created).sum(), of.stream().mapToInt(SoakRun.Result::failuresReported).sum(),
                    of.stream().mapToInt(SoakRun.Result::leftAfterCleanup).sum(), of.stream().mapToInt(SoakRun.Result::leftAtEnd).sum(),
                    millis(percentile(times, 50)), millis(percentile(times, 95)), millis(percentile(times, 100))));
        }
        long interruptsLost = results.stream().filter(r -> r.fault() == SoakFault.INTERRUPTED && !r.interruptKept()).count();
        md.append("\nFailures are expected only for *network still in use* and *image still in use* (the engine refuses while an\n")
                .append("unlabelled or foreign container uses them); what they block is left after the first cleanup and removed by the reaper\n")
                .append("once the blocker is gone. Interrupt flags lost after an interrupted cleanup: ").append(interruptsLost).append(".\n\n");
        List<Duration> full = fullRunTimes();
        md.append("## Cleanup time\n\nRuns that created everything (3 containers, a network, an image and a tag; no fault that blocks cleanup): ")
                .append(full.size()).append(".\n\n| p50 | p95 | max |\n|---:|---:|---:|\n")
                .append(String.format(Locale.ROOT, "| %s | %s | %s |%n%n", millis(percentile(full, 50)), millis(percentile(full, 95)),
                        millis(percentile(full, 100))));
        md.append("Acceptance target: cleanup p95 under 2 s for a run with 3 containers and a network. These runs also remove an image,\n")
                .append("a tag and (half of them) a volume, so they are a superset of the target's run. Result: **")
                .append(percentile(full, 95).compareTo(TARGET_P95) < 0 ? "met" : "missed").append("**.\n");
        return md.toString();
    }

    private List<Duration> fullRunTimes() {
        return results.stream().filter(r -> !r.fault().blocksCleanup() && r.fault() != SoakFault.FAILED_MID_RUN)
                .map(SoakRun.Result::cleanupTime).toList();
    }

    // nearest rank
    static Duration percentile(List<Duration> values, int percent) {
        if (values.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String millis(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }
}
