package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.config.RegistryLogin;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.push.RetryPolicy;
import java.io.Serializable;
import java.util.List;

/**
 * A {@code dockerPush} as resolved on the controller: the image, the expanded target references, the login (if any)
 * and the retry count. Validated when built with the engine's checks; the password never appears in {@link #toString()}.
 *
 * @param image   the local image to push (id or reference)
 * @param tags    the target references
 * @param login   the registry login, or {@code null} for anonymous access
 * @param retries attempts for transient failures (1 = no retry)
 */
public record PushSettings(String image, List<String> tags, RegistryLogin login, int retries) implements Serializable {

    /** The default of {@code retries}. */
    public static final int DEFAULT_RETRIES = 3;

    public PushSettings {
        image = FormText.blankToNull(image);
        if (image == null) {
            throw new InvalidRequestException("dockerPush.image: no image to push; build one with dockerBuild earlier in"
                    + " this build or give the image parameter");
        }
        tags = Jep200.list(tags == null ? List.of() : tags);
        if (tags.isEmpty()) {
            throw new InvalidRequestException("dockerPush.tags: give at least one target reference, e.g."
                    + " registry.example.com/team/app:${BUILD_NUMBER}");
        }
        request(image, tags, login, retries);
    }

    /** The engine's request. */
    public PushRequest toRequest() {
        return request(image, tags, login, retries);
    }

    private static PushRequest request(String image, List<String> tags, RegistryLogin login, int retries) {
        PushRequest.Builder request = PushRequest.builder(image)
                .target(tags.toArray(String[]::new))
                .retry(new RetryPolicy(retries, RetryPolicy.DEFAULT.initialBackoff(), RetryPolicy.DEFAULT.maxBackoff()));
        if (login != null) {
            request.credentials(login.registry(), login.credentials());
        }
        return request.build();
    }

    /** What the build's log masking must hide. */
    public List<String> secrets() {
        return login == null ? List.of() : login.secrets();
    }
}
