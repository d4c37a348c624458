package io.tasker.security;

import io.tasker.api.security.Caller;
import io.tasker.errors.UnauthenticatedException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Verifies a token that did not come over HTTP (a JMS request's), as the server's MicroProfile JWT verifies those
 * that do, from the same settings: the signature (RS256 or ES256) against {@code mp.jwt.verify.publickey} or
 * {@code .location}, the issuer ({@code mp.jwt.verify.issuer}), the audience ({@code mp.jwt.verify.audiences}) and
 * the expiry (with {@code mp.jwt.verify.clock.skew} seconds of tolerance, default 0). Built on first use: with
 * authentication off nothing reads the settings.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    private Config config;

    private JwtConsumer consumer;

    @PostConstruct
    void readSettings() {
        consumer = consumer(key -> config.getOptionalValue(key, String.class));
    }

    /**
     * Checks of tokens as the settings ask.
     *
     * @throws java.util.NoSuchElementException naming a required setting that is absent
     */
    static JwtConsumer consumer(Function<String, Optional<String>> settings) {
        String[] audiences = Arrays.stream(required(settings, "mp.jwt.verify.audiences").split(","))
                .map(String::strip).filter(audience -> !audience.isEmpty()).toArray(String[]::new);
        Optional<String> key = settings.apply("mp.jwt.verify.publickey");
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(settings.apply("mp.jwt.verify.clock.skew").map(Integer::parseInt)
                        .orElse(0))
                .setExpectedIssuer(required(settings, "mp.jwt.verify.issuer"))
                .setExpectedAudience(audiences)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(key.isPresent() ? VerificationKeys.fromKey(key.get())
                        : VerificationKeys.fromLocation(required(settings, "mp.jwt.verify.publickey.location")))
                .build();
    }

    private static String required(Function<String, Optional<String>> settings, String key) {
        return settings.apply(key).orElseThrow(() -> new NoSuchElementException(key + " is required"));
    }

    /**
     * The caller the token names.
     *
     * @throws UnauthenticatedException when there is none, or it fails a check (saying which, never quoting it)
     */
    public Caller verify(Optional<String> token) {
        return verify(consumer, token);
    }

    static Caller verify(JwtConsumer consumer, Optional<String> token) {
        String compact = token.map(text -> text.strip().replaceFirst("^Bearer\\s+", ""))
                .filter(text -> !text.isEmpty())
                .orElseThrow(() -> new UnauthenticatedException("the request carries no token"));
        try {
            return Callers.of(consumer.processToClaims(compact).getClaimsMap());
        } catch (InvalidJwtException e) {
            throw new UnauthenticatedException("the token is not valid here: " + (e.hasExpired() ? "it has expired"
                    : "its signature, issuer or audience failed the checks"));
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedException(e.getMessage());
        }
    }
}
