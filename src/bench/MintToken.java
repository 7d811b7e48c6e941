import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

/**
 * For token-cost.sh: a fresh RSA key, its JWKS (the server's MP_JWT_VERIFY_PUBLICKEY_LOCATION) and one
 * RS256 token of a devices-reader, valid for two hours, shaped like Keycloak's.
 * java -cp nimbus-jose-jwt.jar src/bench/MintToken.java DIR ISSUER
 */
public class MintToken {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
        Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
        long now = System.currentTimeMillis();
        var claims = new JWTClaimsSet.Builder().issuer(args[1]).audience("devices").subject("bench-reader")
                .issueTime(new Date(now)).expirationTime(new Date(now + 7_200_000)).claim("azp", "bench")
                .claim("groups", List.of("devices-reader")).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(), claims);
        jwt.sign(new RSASSASigner(key));
        Files.writeString(dir.resolve("token"), jwt.serialize());
    }
}
