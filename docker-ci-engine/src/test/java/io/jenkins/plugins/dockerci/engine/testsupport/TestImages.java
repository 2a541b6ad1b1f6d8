package io.jenkins.plugins.dockerci.engine.testsupport;

/** The base images {@code scripts/docker-env up} makes locally; every test names images through here. */
public final class TestImages {

    /** busybox-static rootfs: sh, nc, httpd, wget, sleep. PID 1 ignores SIGTERM, so run it with init. */
    public static final String BUSYBOX = "docker-ci-test/busybox:1";
    /** Debian bookworm with PostgreSQL 15 server and client; listens on 5432, user postgres, trust auth. */
    public static final String POSTGRES = "docker-ci-test/postgres:15";

    private TestImages() {
    }
}
