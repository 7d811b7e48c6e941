package dev.registry.devices;

/** What a POST did: created a device, answered an earlier create with the same key again, or refused a reused key. */
public record CreateResult(Outcome outcome, Device device) {

    public enum Outcome { CREATED, REPLAYED, KEY_REUSED }

    static final CreateResult REUSED = new CreateResult(Outcome.KEY_REUSED, null);

    static CreateResult created(Device device) {
        return new CreateResult(Outcome.CREATED, device);
    }

    static CreateResult replayed(Device device) {
        return new CreateResult(Outcome.REPLAYED, device);
    }
}
