package io.jenkins.plugins.dockerci.engine.testsupport;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.registry.RegistryAuth;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test images that live only in the basic-auth registry: local base images pushed there under unique names, with no
 * local copy left, so whatever needs them must pull them with credentials. {@link #removeLocalCopies()} undoes pulls
 * (the images share their content with the local base, so only the private tags go); {@link #close()} also deletes
 * them from the registry.
 */
public final class PrivateImages implements AutoCloseable {

    private final DockerClient docker;
    private final Map<String, ImageReference> byRole;
    private final List<ImageReference> pushedByTests = new ArrayList<>();

    private PrivateImages(DockerClient docker, Map<String, ImageReference> byRole) {
        this.docker = docker;
        this.byRole = byRole;
    }

    /** The test environment's credentials for the auth registry. */
    public static RegistryCredentials credentials() {
        TestEnvironment env = TestEnvironment.current();
        return RegistryCredentials.usernamePassword(env.authRegistryUser(), env.authRegistryPassword());
    }

    /**
     * Pushes each local image to {@code <auth registry>/<prefix>/<role>:1} and removes the pushed tag locally.
     *
     * @param localByRole the local image to push, by role (e.g. "base" → the busybox base)
     */
    public static PrivateImages push(DockerClient docker, String prefix, Map<String, String> localByRole) throws InterruptedException {
        String registry = TestEnvironment.current().authRegistry();
        Map<String, ImageReference> byRole = new LinkedHashMap<>();
        PrivateImages images = new PrivateImages(docker, byRole);
        for (Map.Entry<String, String> role : localByRole.entrySet()) {
            ImageReference reference = ImageReference.parse(registry + "/" + prefix + "/" + role.getKey() + ":1");
            byRole.put(role.getKey(), reference);
            docker.tagImageCmd(role.getValue(), reference.canonicalName(), reference.tag()).exec();
            if (!docker.pushImageCmd(reference.canonicalName()).withTag(reference.tag())
                    .withAuthConfig(RegistryAuth.forRegistry(registry, credentials())).start().awaitCompletion(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("pushing " + reference + " did not finish");
            }
        }
        images.removeLocalCopies();
        return images;
    }

    /** The private reference of a role, e.g. {@code 127.0.0.1:5001/it-1234/base:1}. */
    public String reference(String role) {
        return byRole.get(role).toString();
    }

    /** Deletes {@code reference} from the registry (and locally) when the images are closed: for what a test pushed. */
    public void deleteAfterwards(String reference) {
        pushedByTests.add(ImageReference.parse(reference));
    }

    /** Whether the engine has a local copy (tag) of the role's image. */
    public boolean presentLocally(String role) {
        try {
            docker.inspectImageCmd(reference(role)).exec();
            return true;
        } catch (NotFoundException absent) {
            return false;
        }
    }

    /** Removes the local tags of every private image (what pulls created), leaving the shared content alone. */
    public void removeLocalCopies() {
        List<ImageReference> all = new ArrayList<>(byRole.values());
        all.addAll(pushedByTests);
        for (ImageReference reference : all) {
            try {
                docker.removeImageCmd(reference.toString()).withNoPrune(true).exec();
            } catch (NotFoundException notPulled) {
                // nothing pulled it
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        removeLocalCopies();
        RegistryApi registry = RegistryApi.authRegistry();
        for (ImageReference reference : byRole.values()) {
            registry.deleteIfPresent(reference);
        }
        for (ImageReference reference : pushedByTests) {
            registry.deleteIfPresent(reference);
        }
    }
}
