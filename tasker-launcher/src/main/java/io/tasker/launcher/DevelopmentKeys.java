package io.tasker.launcher;

import io.tasker.security.VerificationKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * The embedded default's signing key for MicroProfile JWT: an RSA key pair made under the data directory
 * ({@code keys/}) on first start and kept, so tokens outlive restarts; the nodes verify with its public half, and
 * {@link #token} signs with the private one. For development only: production servers trust their identity
 * provider's keys (docs/security.md).
 */
public final class DevelopmentKeys {

    /** The issuer the nodes trust and the tokens name. */
    public static final String ISSUER = "tasker-development";
    /** The audience the nodes require and the tokens name. */
    public static final String AUDIENCE = "tasker";

    private static final String PRIVATE_KEY = "jwt-signing-key.pem";
    private static final String PUBLIC_KEY = "jwt-verification-key.pem";

    private final Path directory;
    private final PrivateKey signingKey;

    private DevelopmentKeys(Path directory, PrivateKey signingKey) {
        this.directory = directory;
        this.signingKey = signingKey;
    }

    /** The keys of {@code directory}, made there first if it has none. */
    public static DevelopmentKeys openOrCreate(Path directory) throws IOException {
        Path privateKey = directory.resolve(PRIVATE_KEY);
        if (!Files.exists(privateKey)) {
            create(directory);
        }
        return open(directory);
    }

    /**
     * The keys of {@code directory}.
     *
     * @throws IllegalStateException when it has none, or they do not read
     */
    public static DevelopmentKeys open(Path directory) throws IOException {
        Path privateKey = directory.resolve(PRIVATE_KEY);
        if (!Files.exists(privateKey)) {
            throw new IllegalStateException("no development key in " + directory + ": ./tasker run makes one at its "
                    + "first start");
        }
        try {
            return new DevelopmentKeys(directory, KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(VerificationKeys.pemBody(Files.readString(privateKey)))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(privateKey + " is not an RSA private key: " + e.getMessage(), e);
        }
    }

    /** Whether {@code directory} holds development keys. */
    public static boolean exist(Path directory) {
        return Files.exists(directory.resolve(PRIVATE_KEY));
    }

    // The private key is readable by its owner only; written to a temporary name first, so a crash leaves none half.
    private static void create(Path directory) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make RSA keys", e);
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                StandardCharsets.US_ASCII);
        Path partial = directory.resolve(PRIVATE_KEY + ".partial");
        Files.deleteIfExists(partial);
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(partial, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
        Files.move(partial, directory.resolve(PRIVATE_KEY), StandardCopyOption.ATOMIC_MOVE);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** MicroProfile JWT's settings that make a node trust these keys, as environment variables. */
    public Map<String, String> nodeSettings() {
        return Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", directory.resolve(PUBLIC_KEY).toAbsolutePath().toUri()
                        .toString(),
                "MP_JWT_VERIFY_ISSUER", ISSUER,
                "MP_JWT_VERIFY_AUDIENCES", AUDIENCE);
    }

    /** What a token says of its bearer. */
    public record Bearer(String subject, List<String> groups, List<String> permissions, List<String> namespaces,
                         Duration lifetime) {

        /** An administrator named admin: the role {@code admin}, which grants every permission by default. */
        public static Bearer admin(Duration lifetime) {
            return admin("admin", lifetime);
        }

        /** An administrator with another name. */
        public static Bearer admin(String subject, Duration lifetime) {
            return new Bearer(subject, List.of("admin"), List.of(), List.of(), lifetime);
        }
    }

    /** A signed token (RS256) for the bearer, valid from now for its lifetime. */
    public String token(Bearer bearer) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(bearer.subject());
        claims.setClaim("upn", bearer.subject());
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(bearer.lifetime().toSeconds() / 60f);
        claims.setStringListClaim("groups", bearer.groups());
        if (!bearer.permissions().isEmpty()) {
            claims.setStringListClaim("permissions", bearer.permissions());
        }
        if (!bearer.namespaces().isEmpty()) {
            claims.setStringListClaim("namespaces", bearer.namespaces());
        }
        return sign(claims);
    }

    /** Signs the claims as they are (RS256): a token the nodes trust if its claims pass their checks. */
    public String sign(JwtClaims claims) {
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(signingKey);
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        signature.setHeader("typ", "JWT");
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing a token failed: " + e.getMessage(), e);
        }
    }
}
