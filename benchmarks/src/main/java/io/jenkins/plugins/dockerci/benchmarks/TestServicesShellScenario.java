package io.jenkins.plugins.dockerci.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The test-with-services scenario as a careful user would script it with the docker CLI: network create, run both
 * services, poll each for readiness with 100 ms sleeps (TCP connect from the host to the container's IP, as the
 * engine does), run the test, remove everything (also on failure, through a trap).
 */
final class TestServicesShellScenario {

    private static final String SCRIPT = """
            set -euo pipefail
            P="$1"; IMG="$2"; LABELS=(--label io.jenkins.dockerci.managed=true --label io.jenkins.dockerci.owner="$3" --label io.jenkins.dockerci.run="$4")
            cleanup() { docker rm -f -v "$P-db" "$P-cache" >/dev/null 2>&1 || true; docker network rm "$P-net" >/dev/null 2>&1 || true; }
            trap cleanup EXIT
            docker network create "${LABELS[@]}" "$P-net" >/dev/null
            docker run -d --init "${LABELS[@]}" --name "$P-db" --network "$P-net" --network-alias db "$IMG" \\
              sh -c 'exec nc -ll -p 5432 -e echo db-ok' >/dev/null
            docker run -d --init "${LABELS[@]}" --name "$P-cache" --network "$P-net" --network-alias cache "$IMG" \\
              sh -c 'sleep 1; exec nc -ll -p 6379 -e echo cache-ok' >/dev/null
            wait_port() {
              local ip; ip=$(docker inspect -f "{{(index .NetworkSettings.Networks \\"$P-net\\").IPAddress}}" "$1")
              until (exec 3<>"/dev/tcp/$ip/$2") 2>/dev/null; do sleep 0.1; done
            }
            wait_port "$P-db" 5432
            wait_port "$P-cache" 6379
            docker run --rm --init "${LABELS[@]}" --network "$P-net" "$IMG" sh -c 'nc db 5432 && nc cache 6379'
            """;

    private final String image;
    private final String ownerId;

    TestServicesShellScenario(String image, String ownerId) {
        this.image = image;
        this.ownerId = ownerId;
    }

    /** Runs the script once; returns its wall time. */
    Duration run(String runId) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(List.of("bash", "-c", SCRIPT, "bench", "dci-" + runId, image, ownerId, runId))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the shell scenario failed: " + output);
        }
        if (!output.contains("db-ok") || !output.contains("cache-ok")) {
            throw new IllegalStateException("the shell scenario's test did not reach both services: " + output);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
