package io.jenkins.plugins.dockerci.engine.build;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code .dockerignore} pattern, matched the way the docker CLI's pattern matcher matches it.
 *
 * <p>The CLI classifies a pattern as exact, prefix ({@code dir/**}), suffix ({@code **}{@code /name}) or regular
 * expression, and compares paths differently for each; the classification is kept here because it changes results
 * (an escape in a pattern without wildcards, for instance, makes it a regular expression, not an exact string).
 * Paths are slash-separated and relative to the context root.
 */
final class IgnorePattern {

    private enum MatchType { EXACT, PREFIX, SUFFIX, REGEXP }

    private final String cleaned;
    private final boolean exclusion;
    private final MatchType type;
    private final Pattern regexp;

    private IgnorePattern(String cleaned, boolean exclusion, MatchType type, Pattern regexp) {
        this.cleaned = cleaned;
        this.exclusion = exclusion;
        this.type = type;
        this.regexp = regexp;
    }

    /**
     * Compiles a pattern as read from {@code .dockerignore} (possibly starting with {@code !}).
     *
     * @throws IllegalArgumentException when the pattern is not valid {@code filepath.Match} syntax
     */
    static IgnorePattern compile(String raw) {
        String p = GoPaths.clean(raw.strip());
        boolean exclusion = false;
        if (p.charAt(0) == '!') {
            if (p.length() == 1) {
                throw new IllegalArgumentException("illegal exclusion pattern: \"!\"");
            }
            exclusion = true;
            p = p.substring(1);
        }
        checkSyntax(p);
        return translate(p, exclusion);
    }

    /** The pattern after cleaning, without the leading {@code !}. */
    String text() {
        return cleaned;
    }

    /** Whether this is an exception ({@code !pattern}) that re-includes what it matches. */
    boolean isExclusion() {
        return exclusion;
    }

    boolean matches(String path) {
        return switch (type) {
            case EXACT -> path.equals(cleaned);
            case PREFIX -> path.startsWith(cleaned.substring(0, cleaned.length() - 2));
            case SUFFIX -> {
                String suffix = cleaned.substring(2);
                // "**/name" also matches "name" at the top level
                yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
            }
            case REGEXP -> regexp.matcher(path).matches();
        };
    }

    @Override
    public String toString() {
        return (exclusion ? "!" : "") + cleaned;
    }

    /**
     * Mirrors the CLI's translation of a pattern into a regular expression and its type detection: {@code *} and
     * {@code ?} never cross {@code /}, {@code **} crosses any number of directories, character classes and escapes
     * pass through to the regular expression.
     */
    private static IgnorePattern translate(String pattern, boolean exclusion) {
        StringBuilder re = new StringBuilder("^");
        MatchType type = MatchType.EXACT;
        int[] cps = pattern.codePoints().toArray();
        boolean inClass = false;
        for (int i = 0, step = 0; i < cps.length; i++, step++) {
            int ch = cps[i];
            if (inClass) {
                if (ch == ']') {
                    inClass = false;
                    re.append(']');
                } else if (ch == '\\' && i + 1 < cps.length) {
                    appendEscaped(re, cps[++i], pattern);
                } else {
                    appendClassMember(re, ch);
                }
                continue;
            }
            if (ch == '*') {
                if (i + 1 < cps.length && cps[i + 1] == '*') {
                    i++;
                    if (i + 1 < cps.length && cps[i + 1] == '/') {
                        i++;
                    }
                    if (i + 1 == cps.length) {
                        if (type == MatchType.EXACT) {
                            type = MatchType.PREFIX;
                        } else {
                            re.append(".*");
                            type = MatchType.REGEXP;
                        }
                    } else {
                        re.append("(?:.*/)?");
                        type = MatchType.REGEXP;
                    }
                    if (step == 0) {
                        type = MatchType.SUFFIX;
                    }
                } else {
                    re.append("[^/]*");
                    type = MatchType.REGEXP;
                }
            } else if (ch == '?') {
                re.append("[^/]");
                type = MatchType.REGEXP;
            } else if (ch == '\\') {
                if (i + 1 < cps.length) {
                    appendEscaped(re, cps[++i], pattern);
                    type = MatchType.REGEXP;
                } else {
                    re.append("\\\\");
                }
            } else if (ch == '[') {
                inClass = true;
                re.append('[');
                if (i + 1 < cps.length && cps[i + 1] == '^') {
                    re.append('^');
                    i++;
                }
                type = MatchType.REGEXP;
            } else if (ch == ']') {
                re.append("\\]");
                type = MatchType.REGEXP;
            } else {
                appendLiteral(re, ch);
            }
        }
        if (type != MatchType.REGEXP) {
            return new IgnorePattern(pattern, exclusion, type, null);
        }
        try {
            return new IgnorePattern(pattern, exclusion, type, Pattern.compile(re.append('$').toString()));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("syntax error in pattern '" + pattern + "': " + e.getDescription(), e);
        }
    }

    private static void appendLiteral(StringBuilder re, int ch) {
        if (Character.isLetterOrDigit(ch) || ch == '/' || ch == '_' || ch == '-') {
            re.appendCodePoint(ch);
        } else {
            re.append(Pattern.quote(new String(Character.toChars(ch))));
        }
    }

    private static void appendClassMember(StringBuilder re, int ch) {
        // '-' forms ranges as in Go; '[', '&' and '\' have meanings inside Java classes that Go's do not
        if (ch == '-' || ch == '^' || Character.isLetterOrDigit(ch)) {
            re.appendCodePoint(ch);
        } else {
            re.append('\\').appendCodePoint(ch);
        }
    }

    /**
     * An escaped character: punctuation stands for itself; the CLI hands {@code \d}, {@code \s} and {@code \w} (and
     * their negations) to Go's regular expressions, which read them as character classes, so they are kept as such.
     */
    private static void appendEscaped(StringBuilder re, int ch, String pattern) {
        if (!Character.isLetterOrDigit(ch)) {
            re.append('\\').appendCodePoint(ch);
        } else if ("dDsSwW".indexOf(ch) >= 0) {
            re.append('\\').appendCodePoint(ch);
        } else {
            throw new IllegalArgumentException("syntax error in pattern '" + pattern + "': the escape '\\"
                    + new String(Character.toChars(ch)) + "' is not supported; escape only punctuation such as \\* \\? \\[");
        }
    }

    /** Go's {@code filepath.Match} syntax check: classes must be closed and non-empty, escapes must escape something. */
    private static void checkSyntax(String p) {
        int i = 0;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 >= p.length()) {
                    throw badPattern(p, "it ends with an unfinished escape '\\'");
                }
                i += 2;
            } else if (c == '[') {
                i = checkClass(p, i + 1);
            } else {
                i++;
            }
        }
    }

    private static int checkClass(String p, int start) {
        int i = start;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        int ranges = 0;
        while (true) {
            if (i < p.length() && p.charAt(i) == ']' && ranges > 0) {
                return i + 1;
            }
            i = classChar(p, i);
            if (p.charAt(i) == '-') {
                i = classChar(p, i + 1);
            }
            ranges++;
        }
    }

    /** One member of a class; returns the index after it, which must not be the end of the pattern. */
    private static int classChar(String p, int i) {
        if (i >= p.length() || p.charAt(i) == '-' || p.charAt(i) == ']') {
            throw badPattern(p, "a character class '[...]' is empty, unclosed, or has a range without a start or end");
        }
        if (p.charAt(i) == '\\') {
            i++;
            if (i >= p.length()) {
                throw badPattern(p, "a character class '[...]' is not closed");
            }
        }
        int next = i + Character.charCount(p.codePointAt(i));
        if (next >= p.length()) {
            throw badPattern(p, "a character class '[...]' is not closed");
        }
        return next;
    }

    private static IllegalArgumentException badPattern(String p, String why) {
        return new IllegalArgumentException("syntax error in pattern '" + p + "': " + why);
    }
}
