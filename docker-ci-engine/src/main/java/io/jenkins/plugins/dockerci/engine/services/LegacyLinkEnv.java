package io.jenkins.plugins.dockerci.engine.services;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The variables Docker's deprecated {@code --link} injected, produced from service coordinates so that existing
 * entrypoint wrappers keep working on a user-defined network (where {@code --link} injects nothing).
 *
 * <p>For a service {@code db} exposing 5432 at 172.18.0.2: {@code DB_NAME=/<consumer>/db},
 * {@code DB_PORT=tcp://172.18.0.2:5432} (the lowest port), {@code DB_PORT_5432_TCP=tcp://172.18.0.2:5432},
 * {@code DB_PORT_5432_TCP_ADDR}, {@code _PORT}, {@code _PROTO}, and {@code DB_ENV_<var>} for the spec's variables.
 */
public final class LegacyLinkEnv {

    private LegacyLinkEnv() {
    }

    /** The link variables of {@code service} as seen from the container named {@code consumerName}. */
    public static Map<String, String> of(ServiceCoordinates service, String consumerName) {
        String prefix = service.name().toUpperCase(Locale.ROOT).replace('-', '_');
        Map<String, String> vars = new TreeMap<>();
        vars.put(prefix + "_NAME", "/" + consumerName + "/" + service.name());
        String ip = service.ipAddress();
        if (!service.exposedPorts().isEmpty()) {
            vars.put(prefix + "_PORT", "tcp://" + ip + ":" + Collections.min(service.exposedPorts()));
        }
        for (int port : service.exposedPorts()) {
            String p = prefix + "_PORT_" + port + "_TCP";
            vars.put(p, "tcp://" + ip + ":" + port);
            vars.put(p + "_ADDR", ip);
            vars.put(p + "_PORT", Integer.toString(port));
            vars.put(p + "_PROTO", "tcp");
        }
        service.env().forEach((k, v) -> vars.put(prefix + "_ENV_" + k, v));
        return vars;
    }
}
