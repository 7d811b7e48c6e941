package dev.registry.access;

/** What the access control decided for one request; the filter turns it into an answer. */
public record Verdict(Outcome outcome, Caller caller) {

    public enum Outcome { OPEN, ALLOWED, NO_TOKEN, BAD_TOKEN, FORBIDDEN, KEYS_UNAVAILABLE }

    static final Verdict OPEN = new Verdict(Outcome.OPEN, null);

    static Verdict of(Outcome outcome) {
        return new Verdict(outcome, null);
    }
}
