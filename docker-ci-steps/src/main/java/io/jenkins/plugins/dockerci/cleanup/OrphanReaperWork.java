package io.jenkins.plugins.dockerci.cleanup;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AsyncPeriodicWork;
import hudson.model.Computer;
import hudson.model.Job;
import hudson.model.Node;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.action.DockerEnginesAction;
import io.jenkins.plugins.dockerci.agent.AgentRunner;
import io.jenkins.plugins.dockerci.config.DockerCiConfiguration;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker;
import io.jenkins.plugins.dockerci.host.DockerHostResolver;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.identity.JenkinsIdentity;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;

/**
 * Periodically removes what builds of this Jenkins left behind when their cleanup could not run (an aborted build
 * whose agent went away, a killed controller): resources labelled with this instance's owner id whose build is no
 * longer running and whose newest resource is older than the grace period.
 *
 * <p>Looks at the configured Docker host (a TLS host's credential resolved as the system, finding W6 of the runtime
 * review), or else at the engine of the controller and of every connected agent as builds there see it: the node's
 * environment variables (global and node properties) may choose it with {@code DOCKER_HOST} (W8). It checks every
 * minute whether the configured interval has passed since its last run, so a changed interval applies at once (W7).
 */
@Extension
public final class OrphanReaperWork extends AsyncPeriodicWork {

    /** How many of each job's latest builds the reaper gives a missed final cleanup. */
    static final int RECENT_BUILDS = 20;

    private final Clock clock;
    private volatile Instant lastRun = Instant.EPOCH;

    public OrphanReaperWork() {
        this(Clock.systemUTC());
    }

    OrphanReaperWork(Clock clock) {
        super(Messages.OrphanReaperWork_name());
        this.clock = clock;
    }

    /** The instance in Jenkins. */
    public static OrphanReaperWork get() {
        return ExtensionList.lookupSingleton(OrphanReaperWork.class);
    }

    @Override
    public long getRecurrencePeriod() {
        return MIN;
    }

    @Override
    protected void execute(TaskListener listener) throws IOException, InterruptedException {
        Duration interval = Duration.ofMinutes(DockerCiConfiguration.get().getReaperIntervalMinutes());
        Instant now = clock.instant();
        if (now.isBefore(lastRun.plus(interval))) {
            return;
        }
        lastRun = now;
        reapAll(listener);
    }

    /**
     * Reaps every engine this Jenkins reaches, now, with the configured grace period.
     *
     * @return the summaries, one per engine reached
     */
    public List<CleanupSummary> reapAll(TaskListener listener) throws IOException, InterruptedException {
        return reapAll(listener, Duration.ofMinutes(DockerCiConfiguration.get().getReaperGraceMinutes()));
    }

    /**
     * Reaps every engine this Jenkins reaches, now: what finished builds left that is older than {@code grace}.
     *
     * @return the summaries, one per engine reached
     */
    public List<CleanupSummary> reapAll(TaskListener listener, Duration grace) throws IOException, InterruptedException {
        cleanUncleanedBuilds(listener);
        DockerCiConfiguration configuration = DockerCiConfiguration.get();
        String ownerId = JenkinsIdentity.ownerId();
        List<String> active = new ArrayList<>(ActiveRuns.JENKINS.runIds());
        List<CleanupSummary> summaries = new ArrayList<>();
        DockerHostSpec configured = new DockerHostResolver(configuration).resolveForSystem();
        if (configured != null) {
            VirtualChannel controller = Jenkins.get().getChannel();
            if (controller != null) {
                summaries.add(reap(controller, configured, ownerId, active, grace, configuration, listener));
            }
            return summaries;
        }
        List<Node> nodes = new ArrayList<>();
        nodes.add(Jenkins.get());
        nodes.addAll(Jenkins.get().getNodes());
        for (Node node : nodes) {
            Computer computer = node.toComputer();
            VirtualChannel channel = node.getChannel();
            if (computer == null || channel == null) {
                continue;
            }
            try {
                DockerHostSpec host = DockerHostSpec.nodeDefault(computer.buildEnvironment(listener));
                summaries.add(reap(channel, host, ownerId, active, grace, configuration, listener));
            } catch (IOException e) {
                listener.getLogger().println(Messages.OrphanReaperWork_nodeFailed(node.getDisplayName(), e.getMessage()));
            }
        }
        return summaries;
    }

    /**
     * Gives every finished build that used Docker but whose final cleanup never ran (the controller was killed while it
     * ran) the cleanup it missed, with its ledgers: they name even the tags it asked for, which the labels alone
     * cannot tell from a person's. Looks at each job's last {@value #RECENT_BUILDS} builds.
     */
    private static void cleanUncleanedBuilds(TaskListener listener) {
        for (Job<?, ?> job : Jenkins.get().getAllItems(Job.class)) {
            for (Run<?, ?> run : job.getBuilds().limit(RECENT_BUILDS)) {
                if (!run.isBuilding() && !CleanupMarker.isCleaned(run) && !DockerEnginesAction.enginesOf(run).isEmpty()) {
                    listener.getLogger().println(Messages.OrphanReaperWork_catchUp(run.getFullDisplayName()));
                    BuildCleanup.clean(run, listener, null, true);
                }
            }
        }
    }

    /** Reaps the orphans of {@code ownerId} on the engine that {@code host} names on the node at {@code channel}. */
    private static CleanupSummary reap(VirtualChannel channel, DockerHostSpec host, String ownerId, List<String> activeRuns,
                                       Duration grace, DockerCiConfiguration configuration, TaskListener listener)
            throws IOException, InterruptedException {
        listener.getLogger().println(Messages.OrphanReaperWork_reaping(describe(host)));
        ReapTask task = new ReapTask(host, ownerId, activeRuns, grace.toMillis(), CleanupRules.of(null, configuration));
        return new AgentRunner(listener, host.secrets(), ResourceTracker.NONE).onNode(channel, task);
    }

    private static String describe(DockerHostSpec host) {
        if (host.uri() != null) {
            return host.uri();
        }
        String docker = host.environment().get("DOCKER_HOST");
        return docker == null ? Messages.OrphanReaperWork_nodeEngine() : docker;
    }
}
