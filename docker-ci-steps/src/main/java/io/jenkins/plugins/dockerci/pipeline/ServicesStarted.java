package io.jenkins.plugins.dockerci.pipeline;

import io.jenkins.plugins.dockerci.agent.Jep200;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Running, ready services of a {@code dockerServices} block, as the controller learns of them.
 *
 * @param environment  what the body's environment gets (coordinates on 127.0.0.1 and resolved templates)
 * @param readyMillis  per service alias, its time to ready
 * @param images       per service alias, its image
 * @param environmentNames the variable names only, for the console
 */
public record ServicesStarted(SortedMap<String, String> environment, SortedMap<String, Long> readyMillis,
                              SortedMap<String, String> images, List<String> environmentNames) implements Serializable {

    public ServicesStarted {
        environment = Jep200.map(environment);
        readyMillis = Jep200.map(readyMillis);
        images = Jep200.map(images);
        environmentNames = Jep200.list(environmentNames);
    }

    static ServicesStarted of(Map<String, String> environment, Map<String, Long> readyMillis, Map<String, String> images) {
        return new ServicesStarted(new java.util.TreeMap<>(environment), new java.util.TreeMap<>(readyMillis),
                new java.util.TreeMap<>(images), List.copyOf(new java.util.TreeMap<>(environment).keySet()));
    }
}
