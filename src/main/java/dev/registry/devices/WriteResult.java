package dev.registry.devices;

/**
 * What a conditional write did, decided in the write's own transaction: written (with the device
 * as it now is; none after a delete), missing, or stale (the device exists at another version).
 */
public record WriteResult(Outcome outcome, Device device) {

    public enum Outcome { WRITTEN, MISSING, STALE }

    static final WriteResult MISSING = new WriteResult(Outcome.MISSING, null);
    static final WriteResult STALE = new WriteResult(Outcome.STALE, null);

    static WriteResult written(Device device) {
        return new WriteResult(Outcome.WRITTEN, device);
    }
}
