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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test images that live only in the basic-auth registry: local base images pushed there under unique names, with no
 * local copy left, so whatever needs them must pull them with credentials. {@link #removeLocalCopies()} undoes pulls
 * (the images share their content with the local base, so only the private tags go); after the class they are
 * deleted from the registry.
 *
 * <p>Register it as a static field ordered after the {@link DockerExtension} ({@code @Order}):
 * {@code @RegisterExtension static final PrivateImages IMAGES = PrivateImages.ofAFlow(DOCKER);}
 */
public final class PrivateImages implements BeforeAllCallback, AfterAllCallback {

    private final DockerExtension docker;
    private final Map<String, String> localByRole;
    private final Map<String, ImageReference> byRole = new LinkedHashMap<>();
    private final List<ImageReference> pushedByTests = new ArrayList<>();

    /** @param localByRole the local image to push, by role (e.g. "base" → the busybox base) */
    public PrivateImages(DockerExtension docker, Map<String, String> localByRole) {
        this.docker = docker;
        this.localByRole = Map.copyOf(localByRole);
    }

    /** The images of a flow, all busybox: a {@code FROM} "base", a "service" and a "tests" image. */
    public static PrivateImages ofAFlow(DockerExtension docker) {
        return new PrivateImages(docker, Map.of("base", TestImages.BUSYBOX, "service", TestImages.BUSYBOX, "tests", TestImages.BUSYBOX));
    }

    /** The test environment's credentials for the auth registry. */
    public static RegistryCredentials credentials() {
        TestEnvironment env = TestEnvironment.current();
        return RegistryCredentials.usernamePassword(env.authRegistryUser(), env.authRegistryPassword());
    }

    /** Pushes each local image to {@code <auth registry>/<unique prefix>/<role>:1} and removes the pushed tag locally. */
    @Override
    public void beforeAll(ExtensionContext context) throws InterruptedException {
        String registry = TestEnvironment.current().authRegistry();
        String prefix = docker.uniqueName("private");
        for (Map.Entry<String, String> role : localByRole.entrySet()) {
            ImageReference reference = ImageReference.parse(registry + "/" + prefix + "/" + role.getKey() + ":1");
            byRole.put(role.getKey(), reference);
            client().tagImageCmd(role.getValue(), reference.canonicalName(), reference.tag()).exec();
            if (!client().pushImageCmd(reference.canonicalName()).withTag(reference.tag())
                    .withAuthConfig(RegistryAuth.forRegistry(registry, credentials())).start().awaitCompletion(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("pushing " + reference + " did not finish");
            }
        }
        removeLocalCopies();
    }

    private DockerClient client() {
        return docker.client();
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
            client().inspectImageCmd(reference(role)).exec();
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
                client().removeImageCmd(reference.toString()).withNoPrune(true).exec();
            } catch (NotFoundException notPulled) {
                // nothing pulled it
            }
        }
    }

    /** Removes the local copies and deletes every image (also those the tests pushed) from the registry. */
    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
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
