package com.rooms.protocol;

/**
 * A client frame the server will not accept. It becomes an {@code error}
 * frame for the sender; {@link #ref()} is the frame's {@code id} when that id
 * was itself valid, so the error can carry it back as {@code ref}.
 */
public class FrameRejected extends RuntimeException {
    private final ErrorCode code;
    private final String ref;

    public FrameRejected(ErrorCode code, String message, String ref) {
        super(message, null, false, false);
        this.code = code;
        this.ref = ref;
    }

    public FrameRejected(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ErrorCode code() {
        return code;
    }

    public String ref() {
        return ref;
    }

    /** The same refusal, answered with the given ref. */
    public FrameRejected withRef(String newRef) {
        return new FrameRejected(code, getMessage(), newRef);
    }
}
