package io.jenkins.plugins.dockerci.engine.registry;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.log.SecretMasker;
import java.util.List;
import java.util.Objects;

/**
 * How to log in to one registry: a username and password, or an identity token (an OAuth refresh token as
 * {@code docker login} stores it). Found by a {@link RegistryLogins}: Jenkins credentials, the Docker CLI's
 * configuration ({@link DockerConfigLogins}), or the environment.
 *
 * <p>Any password works as given, including {@code :} and non-ASCII characters: it is never joined with the
 * username and split again. {@link #toString()} shows the username only.
 */
public final class RegistryCredentials {

    private final String username;
    private final String password;
    private final String identityToken;

    private RegistryCredentials(String username, String password, String identityToken) {
        this.username = username;
        this.password = password;
        this.identityToken = identityToken;
    }

    /**
     * Username and password (or an access token used as the password).
     *
     * @throws InvalidRequestException when the username is empty or contains {@code :} (registries cannot accept it), or the password is empty
     */
    public static RegistryCredentials usernamePassword(String username, String password) {
        if (username == null || username.isEmpty()) {
            throw new InvalidRequestException("Registry credentials have an empty username: give the username the registry knows.");
        }
        if (username.indexOf(':') >= 0) {
            throw new InvalidRequestException("Registry username '" + username + "' contains ':'; registries use basic"
                    + " authentication, where ':' separates the username from the password, so no username can contain it.");
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidRequestException("Registry credentials for user '" + username + "' have an empty password: give the"
                    + " password or access token.");
        }
        return new RegistryCredentials(username, password, null);
    }

    /** An identity token, as {@code docker login} stores it for registries that use OAuth. */
    public static RegistryCredentials identityToken(String token) {
        if (token == null || token.isEmpty()) {
            throw new InvalidRequestException("Registry identity token is empty: give the token, or a username and password.");
        }
        return new RegistryCredentials(null, null, token);
    }

    /** The username, or {@code null} for an identity token. */
    public String username() {
        return username;
    }

    /** The password, or {@code null} for an identity token. Never log it. */
    public String password() {
        return password;
    }

    /** The identity token, or {@code null} for username and password. Never log it. */
    public String identityToken() {
        return identityToken;
    }

    /**
     * The values a {@link SecretMasker} must hide: the password or token, and {@code username:password} (the text
     * behind an HTTP basic authorization header).
     */
    public List<String> secrets() {
        return identityToken != null ? List.of(identityToken) : List.of(password, username + ":" + password);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegistryCredentials that && Objects.equals(username, that.username)
                && Objects.equals(password, that.password) && Objects.equals(identityToken, that.identityToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(username, password, identityToken);
    }

    @Override
    public String toString() {
        return identityToken != null
                ? "RegistryCredentials[identityToken=" + SecretMasker.MASK + "]"
                : "RegistryCredentials[username=" + username + ", password=" + SecretMasker.MASK + "]";
    }
}
