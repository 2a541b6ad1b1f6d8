package io.jenkins.plugins.dockerci.engine.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Decides which context paths {@code .dockerignore} excludes, with the docker CLI's semantics: patterns apply in
 * order and the last one that matches wins ({@code !pattern} re-includes), a pattern that matches a directory
 * matches everything below it, and a directory is skipped wholesale unless some exception could re-include a path
 * below it.
 *
 * <p>Paths are slash-separated and relative to the context root. Not thread-safe state is kept only in the
 * {@link MatchInfo} values the caller threads through a directory walk.
 */
final class IgnoreMatcher {

    private final List<IgnorePattern> patterns;
    private final boolean hasExclusions;

    private IgnoreMatcher(List<IgnorePattern> patterns) {
        this.patterns = List.copyOf(patterns);
        this.hasExclusions = patterns.stream().anyMatch(IgnorePattern::isExclusion);
    }

    /**
     * Compiles the patterns (as returned by {@link IgnoreFile#parse}); blank ones are skipped.
     *
     * @throws IllegalArgumentException naming the first invalid pattern
     */
    static IgnoreMatcher of(List<String> rawPatterns) {
        List<IgnorePattern> compiled = new ArrayList<>();
        for (String raw : rawPatterns) {
            if (!raw.isBlank()) {
                compiled.add(IgnorePattern.compile(raw));
            }
        }
        return new IgnoreMatcher(compiled);
    }

    /** What a directory's match left for its children: which patterns matched the directory itself. */
    static final class MatchInfo {
        static final MatchInfo NONE = new MatchInfo(Collections.emptyList());
        private final List<Boolean> parentMatched;

        private MatchInfo(List<Boolean> parentMatched) {
            this.parentMatched = parentMatched;
        }
    }

    /** The outcome for one path: whether it is excluded, and what its children inherit if it is a directory. */
    record Result(boolean excluded, MatchInfo info) {
    }

    boolean hasExclusions() {
        return hasExclusions;
    }

    /**
     * Whether {@code path} is excluded, given its parent directory's result ({@link MatchInfo#NONE} at the top
     * level, or when the parents are unknown: then each parent directory is tried against each pattern).
     */
    Result match(String path, MatchInfo parent) {
        boolean excluded = false;
        List<Boolean> matched = new ArrayList<>(patterns.size());
        boolean parentKnown = !parent.parentMatched.isEmpty();
        for (int i = 0; i < patterns.size(); i++) {
            IgnorePattern pattern = patterns.get(i);
            boolean match = parentKnown && parent.parentMatched.get(i);
            if (!match) {
                // an include that already matched, or an exception with nothing to except, cannot change the result
                if (pattern.isExclusion() != excluded) {
                    matched.add(false);
                    continue;
                }
                match = pattern.matches(path);
                if (!match && !parentKnown) {
                    match = matchesSomeParent(pattern, path);
                }
            }
            matched.add(match);
            if (match) {
                excluded = !pattern.isExclusion();
            }
        }
        return new Result(excluded, new MatchInfo(matched));
    }

    /** Whether {@code path} is excluded, trying its parent directories too. */
    boolean excludes(String path) {
        String cleaned = GoPaths.clean(path);
        return !cleaned.equals(".") && match(cleaned, MatchInfo.NONE).excluded();
    }

    /**
     * The CLI's older check, used only to decide whether the Dockerfile and {@code .dockerignore} need an explicit
     * exception: a pattern of n path elements is also tried against the first n elements of the parent directory.
     */
    boolean excludesByFirstParent(String path) {
        String file = GoPaths.clean(path);
        if (file.equals(".")) {
            return false;
        }
        int slash = file.lastIndexOf('/');
        String parentPath = slash < 0 ? "." : file.substring(0, slash);
        String[] parentDirs = parentPath.split("/");
        boolean excluded = false;
        for (IgnorePattern pattern : patterns) {
            if (pattern.isExclusion() != excluded) {
                continue;
            }
            boolean match = pattern.matches(file);
            int elements = pattern.text().split("/", -1).length;
            if (!match && !parentPath.equals(".") && elements <= parentDirs.length) {
                match = pattern.matches(String.join("/", Arrays.asList(parentDirs).subList(0, elements)));
            }
            if (match) {
                excluded = !pattern.isExclusion();
            }
        }
        return excluded;
    }

    /**
     * Whether an excluded directory must still be walked because an exception pattern starts with it (the CLI's
     * rule: a plain prefix test, so {@code !**}{@code /keep} does not reach into an excluded {@code dir}).
     */
    boolean mayReincludeBelow(String directory) {
        if (!hasExclusions) {
            return false;
        }
        String dirSlash = directory + "/";
        return patterns.stream().anyMatch(p -> p.isExclusion() && (p.text() + "/").startsWith(dirSlash));
    }

    @Override
    public String toString() {
        return patterns.toString();
    }

    private static boolean matchesSomeParent(IgnorePattern pattern, String path) {
        int slash = path.indexOf('/');
        while (slash >= 0) {
            if (pattern.matches(path.substring(0, slash))) {
                return true;
            }
            slash = path.indexOf('/', slash + 1);
        }
        return false;
    }
}
