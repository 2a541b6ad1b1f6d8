package io.jenkins.plugins.dockerci.engine.push;

import io.jenkins.plugins.dockerci.engine.InvalidRequestException;
import io.jenkins.plugins.dockerci.engine.image.ImageReference;
import io.jenkins.plugins.dockerci.engine.registry.RegistryCredentials;
import io.jenkins.plugins.dockerci.engine.registry.RegistryHosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to push where: a local image, the references to tag it with and push, the credentials per registry, and how
 * to retry. Build one with {@link #builder(String)}.
 *
 * @param source      the local image: an id ({@code sha256:…} or a prefix) or a reference
 * @param targets     the references to push, in order, each with a tag (a missing tag means {@code latest}); never empty
 * @param credentials credentials by registry ({@code host[:port]}, as in {@link ImageReference#domain()}); a target
 *                    registry without an entry is pushed to anonymously
 * @param retry       how transient failures are retried
 * @param timeout     the longest one target's push may take
 */
public record PushRequest(String source, List<ImageReference> targets, Map<String, RegistryCredentials> credentials,
                          RetryPolicy retry, Duration timeout) {

    /** How long one target's push may take unless the request says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    public PushRequest {
        if (source == null || source.isBlank() || !source.equals(source.strip())) {
            throw new InvalidRequestException("The image to push is '" + source + "': give the id or a reference of a local image,"
                    + " e.g. the id the build step returned.");
        }
        Objects.requireNonNull(targets, "targets");
        if (targets.isEmpty()) {
            throw new InvalidRequestException("No target to push '" + source + "' to: give at least one reference such as"
                    + " 127.0.0.1:5000/team/app:1.0.");
        }
        List<ImageReference> tagged = new ArrayList<>();
        for (ImageReference target : targets) {
            Objects.requireNonNull(target, "target");
            if (target.hasDigest()) {
                throw new InvalidRequestException("Push target '" + target + "' pins a digest; a registry assigns the digest when"
                        + " the image is pushed, so give a tag instead (e.g. " + target.canonicalName() + ":1.0).");
            }
            ImageReference withTag = target.tag() == null ? target.withTag(target.tagOrLatest()) : target;
            if (!tagged.contains(withTag)) {
                tagged.add(withTag);
            }
        }
        targets = List.copyOf(tagged);
        Objects.requireNonNull(credentials, "credentials");
        Map<String, RegistryCredentials> byHost = new LinkedHashMap<>();
        credentials.forEach((registry, creds) -> byHost.put(RegistryHosts.normalise(registry), Objects.requireNonNull(creds, registry)));
        credentials = Map.copyOf(byHost);
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidRequestException("The push timeout must be positive, not " + timeout + ".");
        }
    }

    /** The same request for another source image (the image is often known only once the build ran). */
    public PushRequest withSource(String otherSource) {
        return new PushRequest(otherSource, targets, credentials, retry, timeout);
    }

    /** A request to push {@code source}; add targets with the builder. */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** The credentials for {@code registry}, or {@code null} to push anonymously. */
    public RegistryCredentials credentialsFor(String registry) {
        return credentials.get(RegistryHosts.normalise(registry));
    }

    /** Every password and token in this request, for masking. */
    public List<String> secrets() {
        return credentials.values().stream().flatMap(c -> c.secrets().stream()).distinct().toList();
    }

    /** Collects the parts of a {@link PushRequest}; {@link #build()} validates them. */
    public static final class Builder {

        private final String source;
        private final List<ImageReference> targets = new ArrayList<>();
        private final Map<String, RegistryCredentials> credentials = new LinkedHashMap<>();
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder(String source) {
            this.source = source;
        }

        /**
         * Adds target references, each parsed with {@link ImageReference#parse}.
         *
         * @throws InvalidRequestException naming the reference that is not valid
         */
        public Builder target(String... references) {
            for (String reference : references) {
                targets.add(ImageReference.parse(reference));
            }
            return this;
        }

        /** Adds target references. */
        public Builder targets(List<ImageReference> references) {
            targets.addAll(references);
            return this;
        }

        /** Credentials for one registry, e.g. {@code 127.0.0.1:5001}. */
        public Builder credentials(String registry, RegistryCredentials registryCredentials) {
            credentials.put(RegistryHosts.normalise(registry), Objects.requireNonNull(registryCredentials, "registryCredentials"));
            return this;
        }

        public Builder retry(RetryPolicy policy) {
            this.retry = policy;
            return this;
        }

        public Builder timeout(Duration perTarget) {
            this.timeout = perTarget;
            return this;
        }

        public PushRequest build() {
            return new PushRequest(source, new ArrayList<>(new LinkedHashSet<>(targets)), credentials, retry, timeout);
        }
    }
}
