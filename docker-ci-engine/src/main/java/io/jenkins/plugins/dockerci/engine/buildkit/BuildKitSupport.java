package io.jenkins.plugins.dockerci.engine.buildkit;

import io.jenkins.plugins.dockerci.engine.docker.EnginePing;
import io.jenkins.plugins.dockerci.engine.docker.EngineTransport;
import java.util.Locale;

/**
 * Whether an engine offers BuildKit through its API, from the headers of {@code GET /_ping}, as the docker CLI decides
 * its default builder: {@code Builder-Version: 2} means BuildKit is the engine's default; {@code Builder-Version: 1}
 * means its administrator made the classic builder the default ({@code "features": {"buildkit": false}}), which is
 * respected; without the header, a Linux engine with API 1.39 or newer (Docker 18.09+, where BuildKit sessions left
 * experimental) offers it.
 *
 * @param offered whether to build with BuildKit
 * @param reason  why, for the build log (e.g. "engine API 1.41 on linux")
 */
public record BuildKitSupport(boolean offered, String reason) {

    private static final int MIN_MINOR_API = 39;

    /**
     * Asks the engine, or the transport that asked it before ({@link EngineTransport#ping()}).
     *
     * @throws RuntimeException when the engine does not answer (the caller's build would fail anyway)
     */
    public static BuildKitSupport probe(EngineTransport transport) {
        EnginePing ping = transport.ping();
        return of(ping.builderVersion(), ping.apiVersion(), ping.osType());
    }

    /** The decision for these header values ({@code null} when absent). */
    static BuildKitSupport of(String builderVersion, String apiVersion, String osType) {
        if ("2".equals(trim(builderVersion))) {
            return new BuildKitSupport(true, "the engine's default builder is BuildKit");
        }
        if ("1".equals(trim(builderVersion))) {
            return new BuildKitSupport(false, "the engine's default builder is the classic one (Builder-Version: 1)");
        }
        String os = trim(osType) == null ? "unknown" : trim(osType).toLowerCase(Locale.ROOT);
        if (!"linux".equals(os)) {
            return new BuildKitSupport(false, "the engine runs on " + os + ", where BuildKit is not built in");
        }
        if (!atLeast139(trim(apiVersion))) {
            return new BuildKitSupport(false, "the engine's API version " + apiVersion + " is older than 1.39 (Docker 18.09)");
        }
        return new BuildKitSupport(true, "engine API " + trim(apiVersion) + " on linux");
    }

    private static boolean atLeast139(String apiVersion) {
        if (apiVersion == null || !apiVersion.matches("\\d+\\.\\d+")) {
            return false;
        }
        String[] parts = apiVersion.split("\\.");
        int major = Integer.parseInt(parts[0]);
        return major > 1 || (major == 1 && Integer.parseInt(parts[1]) >= MIN_MINOR_API);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
