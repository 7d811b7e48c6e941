package dev.registry.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose response can be long enough for its client to go away before the end
 * (the full list); {@link DepartedClients} then ends it quietly. Other responses fit the server's
 * buffer and do not pay for the check.
 */
@NameBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Streamed {
}
