package io.jenkins.plugins.dockerci.engine.push;

/** One push attempt failed; {@link Retrying} decides whether another follows. Never leaves this package. */
final class AttemptFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final PushFailure failure;
    private final String words;

    AttemptFailedException(PushFailure failure, String words) {
        // the words may hold an echoed secret: they stay out of the message
        super(failure.name(), null, false, false);
        this.failure = failure;
        this.words = words;
    }

    PushFailure failure() {
        return failure;
    }

    /** The engine's or registry's words, unmasked: mask before showing them. */
    String words() {
        return words;
    }
}
