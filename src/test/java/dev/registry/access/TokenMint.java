package dev.registry.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/** A local RSA key that signs test tokens, and the hostile variants a client may send. */
public final class TokenMint {

    public static final String ISSUER = "https://idp.example/realms/devices";
    public static final String AUDIENCE = "devices";

    public final RSAKey key;

    public TokenMint(String keyId) {
        try {
            key = new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String pem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPublicKey().getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid claims for {@code subject} in {@code groups}: issued now, for an hour, to the test audience. */
    public static JWTClaimsSet.Builder claims(String subject, String... groups) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("groups", List.of(groups));
    }

    public String sign(JWTClaimsSet.Builder claims) {
        return sign(claims, header -> header);
    }

    public String sign(JWTClaimsSet.Builder claims, UnaryOperator<JWSHeader.Builder> header) {
        try {
            var jwt = new SignedJWT(header.apply(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unsigned(JWTClaimsSet.Builder claims) {
        return new PlainJWT(claims.build()).serialize();
    }

    /** Key confusion: HS256 with the public key (as the verifier might hold it) used as the HMAC secret. */
    public static String hmacWith(byte[] secret, String keyId, JWTClaimsSet.Builder claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
