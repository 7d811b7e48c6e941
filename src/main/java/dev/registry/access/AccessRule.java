package dev.registry.access;

import java.util.Set;

/** Which group a request under /api/v1 needs: the device API is protected, health checks are not. */
public enum AccessRule {
    OPEN, READ, WRITE;

    public static final String READER = "devices-reader";
    public static final String WRITER = "devices-writer";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    /** {@code path} is relative to /api/v1, as JAX-RS gives it ("device/", "/device/7"). */
    public static AccessRule of(String method, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (!relative.equals("device") && !relative.startsWith("device/")) {
            return OPEN;
        }
        return READS.contains(method) ? READ : WRITE;
    }

    public boolean allows(Set<String> groups) {
        return switch (this) {
            case OPEN -> true;
            case READ -> groups.contains(READER) || groups.contains(WRITER);
            case WRITE -> groups.contains(WRITER);
        };
    }
}
