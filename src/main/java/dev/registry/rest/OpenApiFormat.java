package dev.registry.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which form of the OpenAPI document a request asks for, as MicroProfile OpenAPI specifies: YAML
 * unless {@code ?format=json} or the Accept header prefers JSON. Payara's own endpoint answered YAML
 * as text/plain and refused {@code Accept: application/yaml}; a client that asks for text/plain still
 * gets the YAML, labelled so.
 */
public enum OpenApiFormat {

    YAML("application/yaml"), JSON("application/json"), YAML_AS_TEXT("text/plain");

    /** In order of preference when the Accept header likes several equally. */
    private static final List<OpenApiFormat> PREFERENCE = List.of(YAML, JSON, YAML_AS_TEXT);

    public final String mediaType;

    OpenApiFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public static Optional<OpenApiFormat> choose(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> Optional.of(JSON);
                case "yaml" -> Optional.of(YAML);
                default -> Optional.empty();
            };
        }
        if (accept == null || accept.isBlank()) {
            return Optional.of(YAML);
        }
        OpenApiFormat best = null;
        Match bestMatch = Match.NONE;
        for (OpenApiFormat candidate : PREFERENCE) {
            Match match = Match.of(candidate.mediaType, accept);
            if (match.quality > 0 && match.isBetterThan(bestMatch)) {
                best = candidate;
                bestMatch = match;
            }
        }
        return Optional.ofNullable(best);
    }

    /** How well an Accept header takes one media type: its q, and how specifically it names it. */
    private record Match(double quality, int specificity) {

        static final Match NONE = new Match(0, -1);

        static Match of(String mediaType, String accept) {
            String type = mediaType.substring(0, mediaType.indexOf('/'));
            Match found = NONE;
            for (String range : accept.split(",")) {
                String[] parts = range.split(";");
                String name = parts[0].trim().toLowerCase(Locale.ROOT);
                int specificity = name.equals(mediaType) ? 2 : name.equals(type + "/*") ? 1 : name.equals("*/*") ? 0 : -1;
                if (specificity > found.specificity) {
                    found = new Match(quality(parts), specificity);
                }
            }
            return found;
        }

        private static double quality(String[] parameters) {
            for (int i = 1; i < parameters.length; i++) {
                String parameter = parameters[i].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        return Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException malformed) {
                        return 0;
                    }
                }
            }
            return 1;
        }

        boolean isBetterThan(Match other) {
            return quality > other.quality || quality == other.quality && specificity > other.specificity;
        }
    }
}
