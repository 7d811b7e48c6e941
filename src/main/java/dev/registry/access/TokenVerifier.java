package dev.registry.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies a bearer token as MicroProfile JWT does, with Nimbus JOSE+JWT: signed with the configured
 * public-key algorithm by a key of the identity provider (kid matched against its JWKS), issued by the
 * configured issuer, for an accepted audience, within its validity (give or take the clock skew).
 * Unsigned tokens, HMAC-signed ones and any other algorithm are rejected before a key is looked up.
 */
final class TokenVerifier {

    /** An HTTP request's header over this size is refused before any parsing. */
    static final int MAX_TOKEN_LENGTH = 8192;
    private static final int JWKS_TIMEOUT_MILLIS = 2000;
    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    TokenVerifier(AccessSettings settings) {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(settings.algorithm());
        processor.setJWSKeySelector(keys(settings.keyLocation(), algorithm));
        JWTClaimsSet exact = new JWTClaimsSet.Builder().issuer(settings.issuer()).build();
        // Mutable sets: Nimbus asks them whether they contain null, which Set.of answers with an exception.
        var claims = new DefaultJWTClaimsVerifier<SecurityContext>(
                settings.audiences().isEmpty() ? null : new HashSet<>(settings.audiences()), exact,
                new HashSet<>(List.of("sub", "exp", "iat")), new HashSet<>());
        claims.setMaxClockSkew(settings.clockSkewSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** @throws KeySourceException when the identity provider's keys cannot be fetched: not the client's fault */
    Caller verify(String token) throws RejectedToken, KeySourceException {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new RejectedToken("longer than " + MAX_TOKEN_LENGTH + " characters", null);
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            return new Caller(claims.getSubject(), groups(claims));
        } catch (RateLimitReachedException refreshedMomentsAgo) {
            // An unknown key id makes Nimbus fetch the key set again, at most once in 30 s: a stream of
            // tokens for unknown keys is the client's doing, not an outage.
            throw new RejectedToken("no key with this id, and the key set was fetched moments ago", refreshedMomentsAgo);
        } catch (KeySourceException unavailable) {
            throw unavailable;
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException rejected) {
            throw new RejectedToken(rejected.getMessage(), rejected);
        }
    }

    private static Set<String> groups(JWTClaimsSet claims) throws ParseException {
        List<String> groups = claims.getStringListClaim("groups");
        return groups == null ? Set.of() : Set.copyOf(new HashSet<>(groups));
    }

    private static JWSKeySelector<SecurityContext> keys(String location, JWSAlgorithm algorithm) {
        if (location.startsWith("https://") || location.startsWith("http://")) {
            try {
                var retriever = new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT);
                return new JWSVerificationKeySelector<>(algorithm,
                        // Keys fetched before keep serving while the identity provider is unreachable.
                        JWKSourceBuilder.create(URI.create(location).toURL(), retriever).outageTolerantForever().build());
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new InvalidAccessSettings("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not a valid URL: " + location, e);
            }
        }
        String text = read(location);
        try {
            if (text.contains("-----BEGIN PUBLIC KEY-----")) {
                return new SingleKeyJWSKeySelector<>(algorithm, pem(text));
            }
            JWKSet set = text.contains("\"keys\"") ? JWKSet.parse(text) : new JWKSet(JWK.parse(text));
            return new JWSVerificationKeySelector<>(algorithm, new ImmutableJWKSet<>(set));
        } catch (ParseException | GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidAccessSettings("MP_JWT_VERIFY_PUBLICKEY_LOCATION " + location
                    + " holds neither a PEM public key nor a JWK set.", e);
        }
    }

    private static String read(String location) {
        Path file = Path.of(location.startsWith("file:") ? URI.create(location).getPath() : location);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InvalidAccessSettings("MP_JWT_VERIFY_PUBLICKEY_LOCATION " + location + " cannot be read.", e);
        }
    }

    private static PublicKey pem(String text) throws GeneralSecurityException {
        String base64 = text.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        var spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }
}
