package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.agent.Jep200;
import java.io.Serializable;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Running, ready services of a {@code dockerServices} block, as the agent reports them to the controller.
 *
 * @param environment what the body's environment gets (coordinates on 127.0.0.1 and resolved templates)
 * @param readyMillis per service alias, its time to ready
 * @param images      per service alias, its image
 * @param containers  the service containers' ids by service alias, for the teardown
 * @param network     the services' network, or {@code null}
 */
public record ServicesStarted(SortedMap<String, String> environment, SortedMap<String, Long> readyMillis,
                              SortedMap<String, String> images, SortedMap<String, String> containers, String network) implements Serializable {

    public ServicesStarted {
        environment = Jep200.map(environment);
        readyMillis = Jep200.map(readyMillis);
        images = Jep200.map(images);
        containers = Jep200.map(containers);
    }

    static ServicesStarted of(Map<String, String> environment, Map<String, Long> readyMillis, Map<String, String> images,
                              Map<String, String> containers, String network) {
        return new ServicesStarted(new TreeMap<>(environment), new TreeMap<>(readyMillis), new TreeMap<>(images),
                new TreeMap<>(containers), network);
    }

    /** The variable names only: values resolved from templates may hold secrets of the service environments. */
    @Override
    public String toString() {
        return "ServicesStarted[" + environment.keySet() + ", containers=" + containers + ", network=" + network + "]";
    }
}
