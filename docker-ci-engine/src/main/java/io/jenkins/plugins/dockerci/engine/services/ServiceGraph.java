package io.jenkins.plugins.dockerci.engine.services;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks a set of service specs as a whole: unique names and aliases, known and acyclic dependencies. */
public final class ServiceGraph {

    private ServiceGraph() {
    }

    /** @throws InvalidRequestException naming the offending service */
    public static void validate(List<ServiceSpec> specs) {
        Map<String, ServiceSpec> byName = new HashMap<>();
        Map<String, String> aliasOwner = new HashMap<>();
        for (ServiceSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new InvalidRequestException("Two services are named '" + spec.name() + "'; give each service its own name.");
            }
            for (String alias : spec.allAliases()) {
                String owner = aliasOwner.putIfAbsent(alias, spec.name());
                if (owner != null && !owner.equals(spec.name())) {
                    throw new InvalidRequestException("Services '" + owner + "' and '" + spec.name() + "' both use the network alias '"
                            + alias + "'; an alias must name one service.");
                }
            }
        }
        for (ServiceSpec spec : specs) {
            for (String dep : spec.dependsOn()) {
                if (!byName.containsKey(dep)) {
                    throw new InvalidRequestException("Service '" + spec.name() + "' depends on '" + dep
                            + "', which is not defined; services: " + byName.keySet());
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (ServiceSpec spec : specs) {
            visit(spec, byName, done, new HashSet<>());
        }
    }

    private static void visit(ServiceSpec spec, Map<String, ServiceSpec> byName, Set<String> done, Set<String> path) {
        if (done.contains(spec.name())) {
            return;
        }
        if (!path.add(spec.name())) {
            throw new InvalidRequestException("The dependsOn of services " + path + " form a cycle; remove one of the dependencies.");
        }
        for (String dep : spec.dependsOn()) {
            visit(byName.get(dep), byName, done, path);
        }
        path.remove(spec.name());
        done.add(spec.name());
    }
}
