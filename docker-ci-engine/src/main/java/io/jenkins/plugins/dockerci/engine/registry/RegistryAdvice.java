package io.jenkins.plugins.dockerci.engine.registry;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.util.Arrays;
import java.util.Optional;

/**
 * Says what went wrong between the engine and a registry and what to fix, in the words of the caller's credential
 * sources ({@link RegistryLogins#howToConfigure(String)}, {@link RegistryLogin#origin()}). The same explanation
 * follows a pull, a push and a build's {@code FROM}, so a user learns one set of messages.
 */
public final class RegistryAdvice {

    private RegistryAdvice() {
    }

    /**
     * The explanation, a clause to follow "image X in registry R: " (or a push's "Push of T failed: ").
     *
     * @param failure what went wrong
     * @param image   the image pulled or pushed
     * @param action  "pull" or "push"
     * @param login   the login that was sent, if any
     * @param logins  the run's source of logins, for its advice
     * @param words   the engine's or registry's words, secrets already masked
     */
    public static String explain(RegistryFailure failure, ImageReference image, String action, Optional<RegistryLogin> login,
                                 RegistryLogins logins, String words) {
        String registry = image.domain();
        String said = " (the registry said: " + words + ")";
        return switch (failure) {
            case CREDENTIALS_MISSING -> login.isPresent()
                    ? "registry " + registry + " asked for credentials although " + describe(login.get()) + " were sent" + said
                            + " — check that the Docker engine reaches the same registry, then " + logins.howToConfigure(registry) + "."
                    : "registry " + registry + " requires credentials and none are configured for " + registry + said + " — "
                            + logins.howToConfigure(registry) + ".";
            case CREDENTIALS_REJECTED -> "the credentials for " + registry + " were rejected: " + login.map(RegistryAdvice::describe)
                    .orElse("the ones sent") + said + " — correct them there (the username and password or token must be valid for "
                    + registry + "), or " + logins.howToConfigure(registry) + ".";
            case ACCESS_DENIED -> "registry " + registry + " did not let " + login.map(RegistryLogin::who).orElse("an anonymous client")
                    + " " + action + " repository " + image.path() + said + " — the account may lack " + action
                    + " permission there, or the repository does not exist; check the name, or ask the registry's administrator.";
            case NOT_FOUND -> "there is no such image in registry " + registry + said + " — check the repository name and the tag"
                    + " or digest, and that the image was pushed to " + registry + ".";
            case NOT_FOUND_OR_PRIVATE -> "registry " + registry + " has no such image, or it needs credentials and none are"
                    + " configured for " + registry + said + " — check the repository name and the tag; if the image is private, "
                    + logins.howToConfigure(registry) + ".";
            case REGISTRY_UNREACHABLE -> "registry " + registry + " is not reachable from the Docker engine (" + words + ") — check"
                    + " that the registry is running and that " + registry + " is the right host and port; the Docker engine,"
                    + " not this machine, connects to it.";
            case REGISTRY_TLS -> "the Docker engine and registry " + registry + " do not agree on TLS (" + words + ") — serve the"
                    + " registry over HTTPS with a certificate the engine trusts (/etc/docker/certs.d/" + registry + "/ca.crt), or"
                    + " list it in the engine's insecure-registries.";
            case OTHER -> "the " + action + " failed: " + words + " — check that the Docker engine can " + action + " it ('docker "
                    + action + " " + image + "' on the same host).";
        };
    }

    /**
     * For a build that failed at a {@code FROM} step: "image X in registry R: …" with what to fix, when the engine's
     * words say the base image could not be pulled; empty for any other failure.
     *
     * @param instruction the step's instruction, e.g. {@code FROM 127.0.0.1:5001/team/base:1 AS build}
     * @param words       the engine's words
     * @param logins      the run's source of logins (the build sent all it knows)
     */
    public static Optional<String> forBaseImage(String instruction, String words, RegistryLogins logins) {
        String[] parts = instruction.strip().split("\\s+");
        if (parts.length < 2 || !parts[0].equalsIgnoreCase("FROM")) {
            return Optional.empty();
        }
        String base = Arrays.stream(parts).skip(1).filter(p -> !p.startsWith("--")).findFirst().orElse("");
        ImageReference image;
        try {
            image = ImageReference.parse(base);
        } catch (InvalidRequestException notAReference) {
            // an ARG the step text shows unexpanded: the engine's words alone must do
            return Optional.empty();
        }
        Optional<RegistryLogin> login = logins.forRegistry(image.domain());
        RegistryFailure failure = RegistryFailure.classify(words, login.isPresent());
        if (failure == RegistryFailure.OTHER) {
            return Optional.empty();
        }
        return Optional.of("image " + base + " in registry " + image.domain() + ": "
                + explain(failure, image, "pull", login, logins, words));
    }

    /** "user ci-user from the auths entry of …", for messages. */
    static String describe(RegistryLogin login) {
        return login.who() + " from " + login.origin();
    }
}
