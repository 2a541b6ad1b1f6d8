package io.jenkins.plugins.dockerci.engine.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the Docker engine is and how to talk to it: host URI, TLS client material, timeouts.
 *
 * <p>Either explicit (an admin configured a host) or {@link #fromEnvironment(Map) from the environment} the way the
 * docker CLI reads it ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}).
 *
 * @param host            {@code unix:///var/run/docker.sock}, {@code tcp://host:2376}, …
 * @param tlsVerify       whether to use TLS with the client certificates in {@code certPath}
 * @param certPath        folder with {@code ca.pem}, {@code cert.pem}, {@code key.pem}; required, with all three files,
 *                        when {@code tlsVerify}
 * @param connectTimeout  how long to wait for a connection
 * @param responseTimeout how long to wait for data on a response; {@link Duration#ZERO} for no limit, which the
 *                        streaming calls (build, wait, logs) need and which the engine bounds with its own deadlines
 * @param source          where the host came from, for error messages ("DOCKER_HOST", "default", "configuration")
 */
public record DockerEndpoint(String host, boolean tlsVerify, Path certPath, Duration connectTimeout,
                             Duration responseTimeout, String source) {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The files a TLS certificate folder holds, named as the docker CLI names them. */
    public static final List<String> CERTIFICATE_FILES = List.of("ca.pem", "cert.pem", "key.pem");

    public DockerEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(source, "source");
        if (!host.startsWith("unix://") && !host.startsWith("tcp://") && !host.startsWith("npipe://")) {
            throw new IllegalArgumentException("Docker host '" + host + "' (from " + source
                    + ") must start with unix://, tcp:// or npipe://, e.g. unix:///var/run/docker.sock or tcp://docker.example.com:2376");
        }
        if (tlsVerify) {
            requireCertificateFiles(host, certPath, source);
        }
        if (connectTimeout.isNegative() || responseTimeout.isNegative()) {
            throw new IllegalArgumentException("Docker timeouts must not be negative");
        }
    }

    /** An explicit host without TLS and with default timeouts. */
    public static DockerEndpoint of(String host) {
        return new DockerEndpoint(host, false, null, DEFAULT_CONNECT_TIMEOUT, Duration.ZERO, "configuration");
    }

    /** The engine the docker CLI would use in this environment. */
    public static DockerEndpoint fromEnvironment(Map<String, String> env) {
        String host = blankToNull(env.get("DOCKER_HOST"));
        boolean tls = isTrue(env.get("DOCKER_TLS_VERIFY"));
        String certPath = blankToNull(env.get("DOCKER_CERT_PATH"));
        Path certs = certPath != null ? Path.of(certPath)
                : tls ? Path.of(System.getProperty("user.home"), ".docker") : null;
        return new DockerEndpoint(host != null ? host : DEFAULT_HOST, tls, certs, DEFAULT_CONNECT_TIMEOUT, Duration.ZERO,
                host != null ? "DOCKER_HOST" : "default");
    }

    /** The engine the docker CLI would use for this process. */
    public static DockerEndpoint fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    public DockerEndpoint withTimeouts(Duration connect, Duration response) {
        return new DockerEndpoint(host, tlsVerify, certPath, connect, response, source);
    }

    public DockerEndpoint withTls(Path clientCertificates) {
        return new DockerEndpoint(host, true, clientCertificates, connectTimeout, responseTimeout, source);
    }

    /** How the host is described in messages: the URI and where it came from. */
    public String describe() {
        return host + " (from " + source + (tlsVerify ? ", TLS" : "") + ")";
    }

    // docker-java talks plain HTTP when any of the three files is missing, which a TLS daemon then refuses with a
    // bare connection reset: name the missing file instead
    private static void requireCertificateFiles(String host, Path certPath, String source) {
        String problem = certPath == null ? "is not set"
                : !Files.isDirectory(certPath) ? "'" + certPath + "' does not exist"
                : CERTIFICATE_FILES.stream().filter(name -> !Files.isRegularFile(certPath.resolve(name))).findFirst()
                        .map(name -> "'" + certPath + "' has no " + name).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException("TLS verification is on for Docker host " + host + " (from " + source
                    + ") but the certificate folder " + problem
                    + ": set DOCKER_CERT_PATH (or the configured client certificate) to a folder with ca.pem, cert.pem and key.pem");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // the docker CLI treats any non-empty DOCKER_TLS_VERIFY as on, except an explicit 0/false
    private static boolean isTrue(String s) {
        return s != null && !s.isBlank() && !s.trim().equals("0") && !s.trim().equalsIgnoreCase("false");
    }
}
