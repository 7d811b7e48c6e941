package dev.registry.devices;

import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Strong ETags from the device's version, and the versions an If-Match header accepts. */
final class Preconditions {

    private static final Pattern STRONG_TAG = Pattern.compile("\"[0-9]{1,18}\"");

    private Preconditions() {
    }

    static EntityTag etag(Device device) {
        return new EntityTag(Long.toString(device.getVersion()));
    }

    /**
     * The versions a write may apply to, from the If-Match header's values: null when there is no
     * If-Match (or it is "*", and a missing device is a 404 anyway): the seed's last write wins.
     * Weak or malformed tags match nothing.
     */
    static List<Long> ifMatch(List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        List<Long> versions = new ArrayList<>();
        for (String value : values) {
            for (String tag : value.split(",")) {
                String trimmed = tag.trim();
                if (trimmed.equals("*")) {
                    return null;
                }
                if (STRONG_TAG.matcher(trimmed).matches()) {
                    versions.add(Long.parseLong(trimmed.substring(1, trimmed.length() - 1)));
                }
            }
        }
        return versions;
    }
}
