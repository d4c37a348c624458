package io.tasker.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.api.security.Caller;
import io.tasker.errors.UnauthenticatedException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens that arrive by JMS are checked as MicroProfile JWT checks those that arrive by HTTP. */
class TokenVerifierTest {

    private static KeyPair keys;
    private static JwtConsumer consumer;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Map<String, String> settings = Map.of(
                "mp.jwt.verify.issuer", "issuer",
                "mp.jwt.verify.audiences", "other, tasker",
                "mp.jwt.verify.publickey", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
        consumer = TokenVerifier.consumer(key -> Optional.ofNullable(settings.get(key)));
    }

    @Test
    void aValidTokenNamesItsCallerWithWhatItHolds() throws Exception {
        Caller caller = TokenVerifier.verify(consumer, Optional.of("Bearer " + token(claims -> {
            claims.setStringListClaim("permissions", "tasker.task:create@payments");
            claims.setStringListClaim("namespaces", "payments");
        })));

        assertEquals("alice", caller.name());
        assertEquals(Set.of("tasker.task:create@payments"), caller.permissions());
        assertEquals(Set.of("operators"), caller.groups());
        assertEquals(Optional.of(Set.of("payments")), caller.namespaces());
    }

    @Test
    void noTokenAnExpiredOneAForeignOneOrATamperedOneIsRefused() throws Exception {
        Map<String, String> refusals = Map.of(
                "", "carries no token",
                token(claims -> claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 60))),
                "expired",
                token(claims -> claims.setIssuer("someone-else")), "signature, issuer or audience",
                token(claims -> claims.setAudience("another-service")), "signature, issuer or audience",
                token(claims -> { }).replaceFirst("\\.[^.]{4}", ".AAAA"), "signature, issuer or audience");
        refusals.forEach((token, reason) -> {
            UnauthenticatedException refused = assertThrows(UnauthenticatedException.class,
                    () -> TokenVerifier.verify(consumer, Optional.of(token)));
            assertTrue(refused.getMessage().contains(reason), refused.getMessage());
        });
        assertThrows(UnauthenticatedException.class, () -> TokenVerifier.verify(consumer, Optional.empty()));
    }

    @Test
    void aNamespacesClaimThatIsNotStringsReachesNowhere() throws Exception {
        Caller caller = TokenVerifier.verify(consumer, Optional.of(token(claims -> claims.setClaim("namespaces",
                Map.of("a", 1)))));
        assertEquals(Optional.of(Set.of()), caller.namespaces());
    }

    private static String token(Consumer<JwtClaims> change) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("issuer");
        claims.setAudience("tasker");
        claims.setSubject("alice");
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setStringListClaim("groups", "operators");
        change.accept(claims);
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(keys.getPrivate());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return signature.getCompactSerialization();
    }
}
