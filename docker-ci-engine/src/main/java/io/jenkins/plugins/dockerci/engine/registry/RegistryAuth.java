package io.jenkins.plugins.dockerci.engine.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import io.jenkins.plugins.dockerci.engine.LogSink;
import io.jenkins.plugins.dockerci.engine.registry.RegistryLogins.RegistryLogin;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The auth sent to the engine: {@code X-Registry-Auth} for one pull or push, {@code X-Registry-Config} for a classic
 * build. Always explicit, so docker-java never falls back to the user's {@code ~/.docker/config.json} behind the
 * run's {@link RegistryLogins}; empty for anonymous access.
 */
public final class RegistryAuth {

    private RegistryAuth() {
    }

    /** The auth for one pull or push from {@code registry}; {@code credentials} may be {@code null} (anonymous). */
    public static AuthConfig forRegistry(String registry, RegistryCredentials credentials) {
        AuthConfig auth = new AsciiAuthConfig();
        if (credentials == null) {
            return auth;
        }
        auth.withRegistryAddress(RegistryHosts.authKey(registry));
        return credentials.identityToken() != null
                ? auth.withIdentityToken(credentials.identityToken())
                : auth.withUsername(credentials.username()).withPassword(credentials.password());
    }

    /** The auth for one pull or push with {@code login}, or anonymous when it is empty. */
    public static AuthConfig forLogin(String registry, Optional<RegistryLogin> login) {
        return forRegistry(registry, login.map(RegistryLogin::credentials).orElse(null));
    }

    /**
     * The {@code X-Registry-Config} of a classic build: every login the run's source knows ({@link RegistryLogins#known()}),
     * keyed as the engine looks them up ({@link RegistryHosts#authKey(String)}), so that any {@code FROM} image
     * resolves. Logs which registries get credentials (user and origin, never a secret). Empty when there are none,
     * which also keeps docker-java from sending the user's {@code ~/.docker/config.json} instead.
     */
    public static AuthConfigurations forBuild(RegistryLogins logins, LogSink log) {
        AuthConfigurations configs = new AuthConfigurations();
        List<RegistryLogin> known = logins.known();
        known.forEach(login -> configs.addConfig(forRegistry(login.registry(), login.credentials())));
        log.info(known.isEmpty() ? "Base images are pulled anonymously (no registry credentials configured)"
                : "Credentials for pulling base images: " + known.stream().map(l -> l.registry() + " as " + l.who() + " (from "
                        + l.origin() + ")").collect(Collectors.joining(", ")));
        return configs;
    }

    /**
     * docker-java encodes the {@code X-Registry-Auth} JSON with the JVM's default charset, which mangles a non-ASCII
     * password on a JVM running in a POSIX locale. Escaping every non-ASCII character makes the JSON pure ASCII, so
     * the charset no longer matters.
     */
    static final class AsciiAuthConfig extends AuthConfig {

        private static final long serialVersionUID = 1L;

        @Override
        @JsonSerialize(using = AsciiJsonString.class)
        public String getUsername() {
            return super.getUsername();
        }

        @Override
        @JsonSerialize(using = AsciiJsonString.class)
        public String getPassword() {
            return super.getPassword();
        }

        @Override
        @JsonSerialize(using = AsciiJsonString.class)
        public String getIdentitytoken() {
            return super.getIdentitytoken();
        }
    }

    /** Writes a string as a JSON literal with every character outside printable ASCII as a {@code \\uXXXX} escape. */
    static final class AsciiJsonString extends JsonSerializer<String> {

        @Override
        public void serialize(String value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            StringBuilder out = new StringBuilder(value.length() + 8).append('"');
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            gen.writeRawValue(out.append('"').toString());
        }
    }
}
