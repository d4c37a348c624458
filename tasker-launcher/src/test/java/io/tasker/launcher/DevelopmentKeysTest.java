package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.security.VerificationKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's development keys and the tokens they sign. */
class DevelopmentKeysTest {

    @TempDir
    Path directory;

    @Test
    void theKeysAreMadeOnceTheirPrivateHalfReadableByItsOwnerOnlyAndTheNodesTrustThePublicOne() throws Exception {
        DevelopmentKeys keys = DevelopmentKeys.openOrCreate(directory);
        String privateKey = Files.readString(directory.resolve("jwt-signing-key.pem"));
        DevelopmentKeys.openOrCreate(directory);

        assertEquals(privateKey, Files.readString(directory.resolve("jwt-signing-key.pem")), "made again");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                directory.resolve("jwt-signing-key.pem"))));
        Map<String, String> settings = keys.nodeSettings();
        assertEquals(DevelopmentKeys.ISSUER, settings.get("MP_JWT_VERIFY_ISSUER"));
        assertEquals(DevelopmentKeys.AUDIENCE, settings.get("MP_JWT_VERIFY_AUDIENCES"));
        VerificationKeys.checkLocation(settings.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
    }

    @Test
    void aTokenIsSignedForTheIssuerAndAudienceTheNodesCheckWithWhatItGrants() throws Exception {
        DevelopmentKeys keys = DevelopmentKeys.openOrCreate(directory);
        String token = keys.token(new DevelopmentKeys.Bearer("alice", List.of("operator"),
                List.of("tasker.task:show@payments"), List.of("payments"), Duration.ofMinutes(5)));

        JwtClaims claims = consumer().processToClaims(token);

        assertEquals("alice", claims.getSubject());
        assertEquals("alice", claims.getStringClaimValue("upn"));
        assertEquals(List.of("operator"), claims.getStringListClaimValue("groups"));
        assertEquals(List.of("tasker.task:show@payments"), claims.getStringListClaimValue("permissions"));
        assertEquals(List.of("payments"), claims.getStringListClaimValue("namespaces"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertTrue(lifetime >= 299 && lifetime <= 300, "lifetime " + lifetime);
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThrows(InvalidJwtException.class, () -> consumer().processToClaims(tampered));
    }

    @Test
    void withoutKeysATokenCannotBeMadeAndTheMessageSaysWhereTheyComeFrom() {
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> DevelopmentKeys.open(directory.resolve("none")));
        assertTrue(none.getMessage().contains("./tasker run"), none.getMessage());
    }

    @Test
    void aLifetimeIsANumberWithItsUnit() {
        assertEquals(Duration.ofSeconds(90), TokenCommand.lifetime("90s"));
        assertEquals(Duration.ofMinutes(30), TokenCommand.lifetime("30m"));
        assertEquals(Duration.ofHours(1), TokenCommand.lifetime("1h"));
        assertEquals(Duration.ofDays(7), TokenCommand.lifetime("7d"));
        for (String wrong : List.of("", "1", "h", "0h", "-1h", "1.5h", "1w")) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> TokenCommand.lifetime(wrong)).getMessage()
                    .startsWith("--ttl"), wrong);
        }
    }

    private JwtConsumer consumer() throws Exception {
        byte[] der = VerificationKeys.pemBody(Files.readString(directory.resolve("jwt-verification-key.pem")));
        return new JwtConsumerBuilder()
                .setExpectedIssuer(DevelopmentKeys.ISSUER)
                .setExpectedAudience(DevelopmentKeys.AUDIENCE)
                .setRequireExpirationTime()
                .setVerificationKey(KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(der)))
                .build();
    }
}
