package io.tasker.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * The keys tokens are verified with, from MicroProfile JWT's settings: {@code mp.jwt.verify.publickey} (a PEM or
 * base64 public key, a JWK or a JWK set) or {@code mp.jwt.verify.publickey.location} (a {@code file:} URL, an
 * http(s) address such as a JWKS endpoint, or a resource on the application's class path). The same reading checks
 * them at boot, so a key the server could not use stops deployment with its setting named.
 */
public final class VerificationKeys {

    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC");

    private VerificationKeys() {
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the key
     */
    public static void checkKey(String text) {
        fromKey(text);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong with the location or the key there
     */
    public static void checkLocation(String text) {
        if (httpAddress(text) == null) {
            checkKey(read(text));
        }
    }

    /**
     * The keys of a key setting.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static VerificationKeyResolver fromKey(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            return fromJwk(trimmed);
        }
        PublicKey key = publicKey(trimmed);
        return (signature, nesting) -> key;
    }

    /**
     * The keys at a location: a JWKS endpoint is asked, and asked again for a key it did not have (rotation).
     *
     * @throws IllegalArgumentException saying what is wrong with the location or the key there
     */
    static VerificationKeyResolver fromLocation(String text) {
        URI http = httpAddress(text);
        return http != null ? new HttpsJwksVerificationKeyResolver(new HttpsJwks(http.toString()))
                : fromKey(read(text));
    }

    /**
     * The DER bytes of a PEM key of any kind ({@code -----BEGIN PUBLIC KEY-----} ...), or of a bare base64 one.
     *
     * @throws IllegalArgumentException when it is not base64 between its lines
     */
    public static byte[] pemBody(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", ""));
    }

    private static PublicKey publicKey(String text) {
        byte[] der;
        try {
            der = pemBody(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a public key (PEM, base64, a JWK or a JWK set): "
                    + e.getMessage());
        }
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (InvalidKeySpecException | NoSuchAlgorithmException notThisKind) {
                // Try the next kind.
            }
        }
        throw new IllegalArgumentException("must be an RSA or EC public key (PEM, base64, a JWK or a JWK set); "
                + "this one does not decode as either");
    }

    private static VerificationKeyResolver fromJwk(String json) {
        try {
            List<JsonWebKey> keys = json.contains("\"keys\"") ? new JsonWebKeySet(json).getJsonWebKeys()
                    : List.of(JsonWebKey.Factory.newJwk(json));
            if (keys.isEmpty()) {
                throw new IllegalArgumentException("is a JWK set without keys");
            }
            return new JwksVerificationKeyResolver(keys);
        } catch (JoseException e) {
            throw new IllegalArgumentException("must be a JWK or a JWK set: " + e.getMessage());
        }
    }

    // The address of an http(s) location; null for a file or a class path resource.
    private static URI httpAddress(String text) {
        URI uri = uri(text);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("names no host: " + text.strip());
        }
        return uri;
    }

    // The key a file: URL or a class path resource holds.
    private static String read(String text) {
        String trimmed = text.strip();
        URI uri = uri(trimmed);
        try {
            if (uri.getScheme() == null) {
                // MicroProfile JWT reads a location without a scheme from the application's class path only.
                try (InputStream resource = Thread.currentThread().getContextClassLoader()
                        .getResourceAsStream(trimmed.replaceFirst("^/", ""))) {
                    if (resource == null) {
                        throw new IllegalArgumentException("names no resource on the application's class path: "
                                + trimmed + " (a file is file://" + (trimmed.startsWith("/") ? "" : "/") + trimmed
                                + ")");
                    }
                    return new String(resource.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            if (!uri.getScheme().equals("file")) {
                throw new IllegalArgumentException("must be a file: URL, an http(s) address or a class path "
                        + "resource, got the scheme " + uri.getScheme());
            }
            Path file = Path.of(uri);
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("names a file this server cannot read: " + file);
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("names a key this server cannot read: " + trimmed + " (" + e + ")");
        }
    }

    private static URI uri(String text) {
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be a file: URL, an http(s) address or a class path resource: "
                    + e.getMessage());
        }
    }
}
