package io.jenkins.plugins.dockerci.cleanup;

import io.jenkins.plugins.dockerci.agent.AgentContext;
import io.jenkins.plugins.dockerci.agent.AgentTask;
import io.jenkins.plugins.dockerci.engine.cleanup.Cleaner;
import io.jenkins.plugins.dockerci.engine.ledger.ResourceLedger;
import io.jenkins.plugins.dockerci.host.DockerHostSpec;
import io.jenkins.plugins.dockerci.host.NodeDockerHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Removes what a build created, on the node whose engine holds it: the ledger travels as a copy of its file (the
 * original stays in the build directory on the controller), and everything else labelled with the build's run id
 * is removed too. Never fails because of what it finds on the engine: that goes into the summary.
 *
 * @param host       the Docker host of the build's work
 * @param ledgerJson the build's ledger file, as written on the controller
 * @param rules      what happens to the images the build made, and the bound of the build cache
 */
public record CleanupTask(DockerHostSpec host, String ledgerJson, CleanupRules rules) implements AgentTask<CleanupSummary> {

    @Override
    public CleanupSummary run(AgentContext context) throws IOException {
        Path directory = Files.createTempDirectory("docker-ci-ledger");
        try (NodeDockerHost node = NodeDockerHost.open(host, System.getenv());
             Cleaner cleaner = Cleaner.open(node.endpoint(), Cleaner.DEFAULT_CALL_TIMEOUT, context.log())) {
            Path copy = directory.resolve("ledger.json");
            Files.writeString(copy, ledgerJson);
            return CleanupSummary.of(cleaner.cleanup(ResourceLedger.read(copy), rules.toEngine()));
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }
}
