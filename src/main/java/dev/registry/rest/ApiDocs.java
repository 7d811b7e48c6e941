package dev.registry.rest;

/** Names of the reusable OpenAPI components declared on {@link RestApplication}. */
public final class ApiDocs {

    public static final String NOT_FOUND = "NotFound";
    public static final String INVALID = "Invalid";
    public static final String STALE = "Stale";
    public static final String UNSUPPORTED = "UnsupportedMediaType";
    public static final String SERVER_ERROR = "ServerError";
    public static final String ID = "DeviceId";
    public static final String IF_MATCH = "IfMatch";
    public static final String ETAG = "ETag";

    private ApiDocs() {
    }
}
