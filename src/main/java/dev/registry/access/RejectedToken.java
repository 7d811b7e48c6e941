package dev.registry.access;

/** A token that proves nothing: the client is told why in general terms, never which check failed. */
public class RejectedToken extends Exception {

    private static final long serialVersionUID = 1L;

    public RejectedToken(String reason, Throwable cause) {
        super(reason, cause);
    }
}
