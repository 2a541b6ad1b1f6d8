package io.jenkins.plugins.dockerci.steps;

import io.jenkins.plugins.dockerci.action.EngineRecord;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The services a {@code dockerServices} block started, as the block's state keeps them (in the Pipeline's saved
 * program, so they are removed after a restart of Jenkins too): where they run and their ids. No secret: a TLS Docker
 * host's credential is resolved again for the teardown.
 *
 * @param engine     the Docker engine and the node it was used from
 * @param containers the service containers' ids, by service alias
 * @param network    their network, or {@code null}
 */
record RunningServices(EngineRecord engine, TreeMap<String, String> containers, String network) implements Serializable {

    RunningServices {
        Objects.requireNonNull(engine, "engine");
        containers = new TreeMap<>(containers);
    }

    static RunningServices of(EngineRecord engine, Map<String, String> containers, String network) {
        return new RunningServices(engine, new TreeMap<>(containers), network);
    }
}
