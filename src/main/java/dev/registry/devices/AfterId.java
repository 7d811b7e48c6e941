package dev.registry.devices;

/** The list's ?after: devices with a greater id. An id beyond bigint is past every row, or before all. */
public record AfterId(long value) {

    static final AfterId START = new AfterId(0);

    public static AfterId valueOf(String raw) {
        try {
            return new AfterId(Integers.parse(raw, "query", "after"));
        } catch (NumberFormatException beyondRange) {
            return new AfterId(raw.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE);
        }
    }
}
