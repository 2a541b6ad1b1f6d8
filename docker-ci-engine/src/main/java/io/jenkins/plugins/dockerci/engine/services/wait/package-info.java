/**
 * Readiness checks for service containers: one {@link io.jenkins.plugins.dockerci.engine.services.wait.WaitStrategy}
 * per kind of check, created through {@link io.jenkins.plugins.dockerci.engine.services.wait.Wait}.
 */
package io.jenkins.plugins.dockerci.engine.services.wait;
