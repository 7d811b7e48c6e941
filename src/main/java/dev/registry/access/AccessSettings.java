package dev.registry.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What DEVICES_AUTH and MicroProfile JWT's standard properties ask for. Off unless DEVICES_AUTH=jwt;
 * when on, a missing key or issuer is a configuration error, so the service never runs open by mistake.
 */
public record AccessSettings(boolean on, String keyLocation, String issuer, Set<String> audiences,
                             String algorithm, int clockSkewSeconds) {

    static final String MODE = "devices.auth";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String ALGORITHM = "mp.jwt.verify.publickey.algorithm";
    static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";

    static final AccessSettings OFF = new AccessSettings(false, null, null, Set.of(), null, 0);

    /** Reads the settings by their MicroProfile Config names (DEVICES_AUTH, MP_JWT_VERIFY_ISSUER, ... in the environment). */
    public static AccessSettings read(Function<String, Optional<String>> config) {
        String mode = text(config, MODE).map(value -> value.toLowerCase(Locale.ROOT)).orElse("off");
        if (mode.equals("off")) {
            return OFF;
        }
        if (!mode.equals("jwt")) {
            throw new InvalidAccessSettings("DEVICES_AUTH is '" + mode + "': set it to jwt, or leave it unset for an open API.");
        }
        String location = text(config, KEY_LOCATION).orElseThrow(() -> new InvalidAccessSettings(
                "DEVICES_AUTH=jwt needs MP_JWT_VERIFY_PUBLICKEY_LOCATION: the identity provider's JWKS URL or a PEM public key file."));
        String issuer = text(config, ISSUER).orElseThrow(() -> new InvalidAccessSettings(
                "DEVICES_AUTH=jwt needs MP_JWT_VERIFY_ISSUER: the identity provider's issuer (the tokens' iss claim)."));
        Set<String> audiences = text(config, AUDIENCES).stream()
                .flatMap(list -> Arrays.stream(list.split(",")))
                .map(String::strip).filter(audience -> !audience.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        String algorithm = text(config, ALGORITHM).orElse("RS256");
        if (!algorithm.matches("(RS|PS|ES)(256|384|512)")) {
            throw new InvalidAccessSettings("MP_JWT_VERIFY_PUBLICKEY_ALGORITHM is '" + algorithm
                    + "': only public-key signatures are accepted (RS256, ES256, PS256 and their 384/512 forms).");
        }
        return new AccessSettings(true, location, issuer, audiences, algorithm, clockSkew(config));
    }

    private static int clockSkew(Function<String, Optional<String>> config) {
        String value = text(config, CLOCK_SKEW).orElse("60");
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0 && seconds <= 600) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidAccessSettings("MP_JWT_VERIFY_CLOCK_SKEW is '" + value + "': give seconds, 0 to 600.");
    }

    private static Optional<String> text(Function<String, Optional<String>> config, String name) {
        return config.apply(name).map(String::strip).filter(value -> !value.isEmpty());
    }
}
