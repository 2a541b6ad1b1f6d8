package io.jenkins.plugins.dockerci.engine.push;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.github.dockerjava.api.model.AuthConfig;
import java.io.IOException;

/**
 * The {@link AuthConfig} sent with a push: always explicit, so docker-java never falls back to the user's
 * {@code ~/.docker/config.json}; empty for an anonymous push.
 */
final class RegistryAuth {

    private RegistryAuth() {
    }

    /** The auth for {@code registry}; {@code credentials} may be {@code null} (anonymous). */
    static AuthConfig forRegistry(String registry, RegistryCredentials credentials) {
        AuthConfig auth = new AsciiAuthConfig();
        if (credentials == null) {
            return auth;
        }
        auth.withRegistryAddress(registry);
        return credentials.identityToken() != null
                ? auth.withIdentityToken(credentials.identityToken())
                : auth.withUsername(credentials.username()).withPassword(credentials.password());
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
