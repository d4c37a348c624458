package io.tasker.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks of MicroProfile JWT's key settings at boot. */
class VerificationKeysTest {

    @TempDir
    Path directory;

    @Test
    void aPemABase64KeyAJwkAndAJwkSetAreKeys() throws Exception {
        String base64 = Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("RSA").generateKeyPair()
                .getPublic().getEncoded());
        assertDoesNotThrow(() -> VerificationKeys.checkKey(base64));
        assertDoesNotThrow(() -> VerificationKeys.checkKey(pem(base64)));
        String jwk = new RsaJsonWebKey((RSAPublicKey) KeyPairGenerator.getInstance("RSA").generateKeyPair()
                .getPublic()).toJson();
        assertDoesNotThrow(() -> VerificationKeys.checkKey(jwk));
        assertDoesNotThrow(() -> VerificationKeys.checkKey("{\"keys\":[" + jwk + "]}"));
    }

    @Test
    void anythingElseIsRefusedSayingWhatAKeyIs() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> VerificationKeys.checkKey("not a key"))
                .getMessage().contains("public key"));
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.checkKey("AAAA"));
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.checkKey("{\"keys\":[]}"));
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.checkKey("{\"keys\":[{\"kty\":1}]}"));
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.checkKey("{not json"));
    }

    @Test
    void aLocationIsAFileUrlOfAKeyAnHttpAddressOrAClassPathResource() throws Exception {
        Path key = Files.writeString(directory.resolve("public.pem"), pem(Base64.getEncoder().encodeToString(
                KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic().getEncoded())));
        assertDoesNotThrow(() -> VerificationKeys.checkLocation(key.toUri().toString()));
        assertDoesNotThrow(() -> VerificationKeys.checkLocation("https://login.example.com/jwks"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> VerificationKeys.checkLocation(directory.resolve("missing.pem").toUri().toString()))
                .getMessage().contains("missing.pem"));
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.checkLocation("ftp://example.com/k"));
        Path notAKey = Files.writeString(directory.resolve("notes.txt"), "hello");
        assertThrows(IllegalArgumentException.class, () -> VerificationKeys.checkLocation(notAKey.toUri()
                .toString()));
        // MicroProfile JWT reads a path without a scheme from the class path, never from the file system.
        IllegalArgumentException plainPath = assertThrows(IllegalArgumentException.class,
                () -> VerificationKeys.checkLocation(key.toString()));
        assertTrue(plainPath.getMessage().contains("file://" + key), plainPath.getMessage());
    }

    private static String pem(String base64) {
        return "-----BEGIN PUBLIC KEY-----\n" + base64.replaceAll("(.{64})", "$1\n") + "\n-----END PUBLIC KEY-----\n";
    }
}
