package io.jenkins.plugins.dockerci.params;

import io.jenkins.plugins.dockerci.Messages;
import io.jenkins.plugins.dockerci.agent.Jep200;
import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.push.PushRequest;
import io.jenkins.plugins.dockerci.engine.push.RetryPolicy;
import java.io.Serializable;
import java.util.List;

/**
 * A {@code dockerPush} as resolved on the controller: the image, the expanded target references and the retry count.
 * Validated when built with the engine's checks. The logins travel with the step's {@link EngineTarget}: each target's
 * registry gets the run's login for it.
 *
 * @param image   the local image to push (id or reference)
 * @param tags    the target references
 * @param retries attempts for transient failures (1 = no retry)
 */
public record PushSettings(String image, List<String> tags, int retries) implements Serializable {

    /** The default of {@code retries}. */
    public static final int DEFAULT_RETRIES = 3;

    public PushSettings {
        image = FormText.blankToNull(image);
        if (image == null) {
            throw new InvalidRequestException(Messages.PushSettings_noImage());
        }
        tags = Jep200.list(tags == null ? List.of() : tags);
        if (tags.isEmpty()) {
            throw new InvalidRequestException(Messages.PushSettings_noTags());
        }
        request(image, tags, retries);
    }

    /** The engine's request. */
    public PushRequest toRequest() {
        return request(image, tags, retries);
    }

    private static PushRequest request(String image, List<String> tags, int retries) {
        return PushRequest.builder(image)
                .target(tags.toArray(String[]::new))
                .retry(new RetryPolicy(retries, RetryPolicy.DEFAULT.initialBackoff(), RetryPolicy.DEFAULT.maxBackoff()))
                .build();
    }
}
