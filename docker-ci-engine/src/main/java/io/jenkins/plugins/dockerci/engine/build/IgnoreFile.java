package io.jenkins.plugins.dockerci.engine.build;

import java.util.ArrayList;
import java.util.List;

/** Reads the lines of a {@code .dockerignore} file into patterns, as the docker CLI does. */
final class IgnoreFile {

    /** The name of the file in the context root. */
    static final String NAME = ".dockerignore";

    private static final String BOM = "\uFEFF";

    private IgnoreFile() {
    }

    /**
     * The patterns of a {@code .dockerignore}: lines starting with {@code #} are comments (only in the first
     * column), blank lines are skipped, surrounding white space is trimmed (also after a leading {@code !}),
     * patterns are cleaned like paths and one leading {@code /} is dropped, so {@code /a}, {@code ./a} and
     * {@code a//b/..} all mean a path relative to the context root.
     */
    static List<String> parse(String content) {
        List<String> patterns = new ArrayList<>();
        String text = content.startsWith(BOM) ? content.substring(1) : content;
        for (String rawLine : text.split("\n", -1)) {
            String line = rawLine.endsWith("\r") ? rawLine.substring(0, rawLine.length() - 1) : rawLine;
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean invert = pattern.charAt(0) == '!';
            if (invert) {
                pattern = pattern.substring(1).strip();
            }
            if (!pattern.isEmpty()) {
                pattern = GoPaths.clean(pattern);
                if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                    pattern = pattern.substring(1);
                }
            }
            patterns.add(invert ? "!" + pattern : pattern);
        }
        return patterns;
    }
}
