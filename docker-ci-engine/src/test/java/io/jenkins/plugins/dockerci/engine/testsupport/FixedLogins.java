package io.jenkins.plugins.dockerci.engine.testsupport;

import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Registry logins for a test: a fixed set, and the advice a caller (Jenkins, the command line) would give. */
public final class FixedLogins implements RegistryLogins {

    private final RegistryLogins logins;
    private final UnaryOperator<String> advice;

    private FixedLogins(List<RegistryLogin> logins, UnaryOperator<String> advice) {
        this.logins = RegistryLogins.of(logins);
        this.advice = advice;
    }

    /** The logins, and {@code advice} as {@link #howToConfigure(String)} of a registry. */
    public static FixedLogins advising(UnaryOperator<String> advice, RegistryLogin... logins) {
        return new FixedLogins(List.of(logins), advice);
    }

    @Override
    public Optional<RegistryLogin> forRegistry(String registry) {
        return logins.forRegistry(registry);
    }

    @Override
    public List<RegistryLogin> known() {
        return logins.known();
    }

    @Override
    public String howToConfigure(String registry) {
        return advice.apply(registry);
    }
}
