/**
 * Service containers for tests: {@link io.jenkins.plugins.dockerci.engine.services.ServiceSpec} describes one,
 * {@link io.jenkins.plugins.dockerci.engine.services.ServiceSet} starts a set on a network of its own, waits until
 * they are ready and tears them down; {@link io.jenkins.plugins.dockerci.engine.services.EnvTemplates} turns their
 * coordinates into configuration the 12-factor way.
 */
package io.jenkins.plugins.dockerci.engine.services;
