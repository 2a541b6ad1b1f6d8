package io.jenkins.plugins.dockerci.engine.build;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's lexical {@code path.Clean}, which the docker CLI applies to every {@code .dockerignore} pattern. */
final class GoPaths {

    private GoPaths() {
    }

    /**
     * The shortest path equivalent to {@code path} by purely lexical processing: repeated slashes collapse,
     * {@code .} elements go, {@code ..} removes the element before it (and is dropped at the root), an empty
     * result is {@code .}.
     */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        Deque<String> parts = new ArrayDeque<>();
        for (String element : path.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.addLast("..");
                }
                continue;
            }
            parts.addLast(element);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
