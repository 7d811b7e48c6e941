package dev.registry.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Times a resource method in /metrics under the given name: "devices.read" is exported as
 * {@code devices_read_seconds} (count, sum, quantiles). {@link MeasuredFeature} does the timing.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Measured {

    /** The timer's name in the application's metric registry. */
    String value();
}
