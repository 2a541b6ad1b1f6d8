/**
 * Tagging a local image and pushing it to registries with credentials: {@link io.jenkins.plugins.dockerci.engine.push.ImagePublisher}
 * takes a {@link io.jenkins.plugins.dockerci.engine.push.PushRequest} and returns the digests in a
 * {@link io.jenkins.plugins.dockerci.engine.push.PushResult}; failures are
 * {@link io.jenkins.plugins.dockerci.engine.push.PushFailedException}s that name the registry and say what to do.
 */
package io.jenkins.plugins.dockerci.engine.push;
