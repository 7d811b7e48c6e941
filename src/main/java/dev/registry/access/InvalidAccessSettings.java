package dev.registry.access;

/** A setting that would leave the service open or unable to check tokens: the deployment stops with this message. */
public class InvalidAccessSettings extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidAccessSettings(String message) {
        super(message);
    }

    public InvalidAccessSettings(String message, Throwable cause) {
        super(message, cause);
    }
}
