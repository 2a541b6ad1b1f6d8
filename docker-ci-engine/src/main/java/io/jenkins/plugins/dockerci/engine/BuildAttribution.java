package io.jenkins.plugins.dockerci.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How an image the engine builds is tied to its owner and its run, for every builder (classic and BuildKit) alike.
 *
 * <p>The scheme, and why:
 * <ul>
 *   <li><b>No labels of ours in the build.</b> The classic builder turns every label given to a build into a
 *       {@code LABEL} step of its own at the end of the Dockerfile. A per-run value (run id, creation time) makes those
 *       steps uncached in every run and gives every run an image of its own, so nothing a run built could serve as
 *       cache for the next; and even static labels (managed, owner) are two more uncached steps, an intermediate
 *       container and a commit each, after every changed layer: in CI, where each commit changes the sources, that is
 *       nearly every build (measured +0.47 s on a 30 MB context, 1.3x the plain build; {@code
 *       benchmarks/results/build.md}). Images made {@code FROM} a built image would also inherit such labels. Only
 *       the labels the caller asks for (OCI labels, its own) go into the build.</li>
 *   <li><b>The run: a per-run tag</b>, {@code docker-ci-run/<owner>:<runId>} ({@link #runTag}), given to the build
 *       itself, so the engine applies it together with the requested tags at no measurable cost. It is how cleanup and
 *       the orphan reaper find a run's image without its ledger (a killed run), and it keeps the image alive while the
 *       run uses it: two runs that build the same Dockerfile get the same image id with both run tags, and the first
 *       cleanup only takes its own tag away. The run's ledger still records the image (intent, then id) and its
 *       requested tags.</li>
 *   <li><b>The cache: a cache tag</b>, {@code docker-ci-cache/<owner>:<image id hex>} ({@link #cacheTag}). When a
 *       run's cleanup keeps its image as build cache it puts this tag on the image before it removes the run tag, so
 *       the image and every layer below it (the classic builder's layer cache) survive. The owner's cache is exactly
 *       what carries its cache tag; the {@code BuildCachePolicy} bounds it by age and size and removes nothing else,
 *       by taking the cache tag away so that Docker deletes only what no other tag, container or image needs.
 *       Docker's {@code LastTagTime} of the image is its last use (every run that builds it tags it).</li>
 * </ul>
 * The owner appears in both repositories ({@code <owner>} is the owner id when it is a valid lowercase repository
 * component, else a hash of it), so one owner's reaper or cache trim never sees another owner's images. A run's
 * containers, networks and volumes keep carrying all four {@link ManagedLabels} ({@link RunContext#labels()}): they
 * are never cache. Images built before this scheme carry the run label and are still found and removed by it.
 */
public final class BuildAttribution {

    /** The repository of per-run tags; the owner follows as a second path component. */
    public static final String RUN_REPOSITORY = "docker-ci-run";
    /** The repository of cache tags; the owner follows as a second path component. */
    public static final String CACHE_REPOSITORY = "docker-ci-cache";

    // a repository path component as Docker's reference grammar allows it
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern IMAGE_HEX = Pattern.compile("[0-9a-f]{64}");

    private BuildAttribution() {
    }

    /** The tag that ties a built image to {@code run}, e.g. {@code docker-ci-run/cli-ann-3fa2:cli-20261206-1}. */
    public static String runTag(RunContext run) {
        return runRepository(run.ownerId()) + ":" + run.runId();
    }

    /** The repository of {@code owner}'s run tags (a run id is a valid tag as it is). */
    public static String runRepository(String ownerId) {
        return RUN_REPOSITORY + "/" + ownerKey(ownerId);
    }

    /** The repository of {@code owner}'s cache tags. */
    public static String cacheRepository(String ownerId) {
        return CACHE_REPOSITORY + "/" + ownerKey(ownerId);
    }

    /** The tag that keeps {@code imageId} (full {@code sha256:…} id) as build cache of {@code owner}. */
    public static String cacheTag(String ownerId, String imageId) {
        String hex = imageId.startsWith("sha256:") ? imageId.substring("sha256:".length()) : imageId;
        if (!IMAGE_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("A cache tag needs a full image id (sha256:<64 hex digits>), was " + imageId);
        }
        return cacheRepository(ownerId) + ":" + hex;
    }

    /** The run id in {@code tag} when it is one of {@code owner}'s run tags. */
    public static Optional<String> runIdOf(String ownerId, String tag) {
        String prefix = runRepository(ownerId) + ":";
        return tag != null && tag.startsWith(prefix) && tag.length() > prefix.length()
                ? Optional.of(tag.substring(prefix.length())) : Optional.empty();
    }

    /** Whether {@code tag} is one of {@code owner}'s cache tags. */
    public static boolean isCacheTag(String ownerId, String tag) {
        return tag != null && tag.startsWith(cacheRepository(ownerId) + ":");
    }

    /** Whether {@code tag} is a cache tag of any owner. */
    public static boolean isCacheTag(String tag) {
        return tag != null && tag.startsWith(CACHE_REPOSITORY + "/");
    }

    /** Whether {@code tag} is a run or cache tag of any owner: plumbing of this tool, not a user's name. */
    public static boolean isAttributionTag(String tag) {
        return tag != null && (tag.startsWith(RUN_REPOSITORY + "/") || tag.startsWith(CACHE_REPOSITORY + "/"));
    }

    /**
     * The owner as a repository path component: the id itself when it already is a valid lowercase component (so
     * {@code docker images} shows whose it is), else {@code h} and a hash of it (owner ids may hold capitals or
     * runs of dots, which Docker's reference grammar rejects).
     */
    static String ownerKey(String ownerId) {
        if (COMPONENT.matcher(ownerId).matches()) {
            return ownerId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ownerId.getBytes(StandardCharsets.UTF_8));
            return "h" + HexFormat.of().formatHex(digest, 0, 10).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
