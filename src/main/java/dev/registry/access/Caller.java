package dev.registry.access;

import java.security.Principal;
import java.util.Set;

/** Who a verified token says is calling: its subject and its groups claim. */
public record Caller(String subject, Set<String> groups) implements Principal {

    @Override
    public String getName() {
        return subject;
    }
}
