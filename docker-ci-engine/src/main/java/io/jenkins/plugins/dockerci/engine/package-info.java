/**
 * The Docker CI engine: build, test with service containers, push and clean up, on docker-java.
 *
 * <p>Plain Java with no Jenkins types, so the Jenkins plugin and the command-line runner drive the same code.
 * Callers describe work with immutable request records, receive output through a {@link
 * io.jenkins.plugins.dockerci.engine.LogSink} and get immutable results back; everything the engine creates
 * on the Docker host is labelled (see {@link io.jenkins.plugins.dockerci.engine.ManagedLabels}) and reported to a
 * {@link io.jenkins.plugins.dockerci.engine.ledger.ResourceTracker} before the create call returns.
 */
package io.jenkins.plugins.dockerci.engine;
