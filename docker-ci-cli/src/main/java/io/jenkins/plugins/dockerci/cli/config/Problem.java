package io.jenkins.plugins.dockerci.cli.config;

/**
 * One thing wrong with a {@code docker-ci.yml}: where (YAML path and line) and what to do about it.
 *
 * @param path    the YAML path, e.g. {@code dockerTest.services[0].readiness.port}
 * @param line    1-based line in the file, or 0 when unknown
 * @param message what is wrong and how to fix it
 */
public record Problem(String path, int line, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", " : "") + path + ": " + message;
    }
}
