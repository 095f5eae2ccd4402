package org.provegateway.idempotency.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the answers stored for {@code Idempotency-Key} repeats unreadable to anyone who does not hold the key.
 *
 * <p>A kept answer holds Prove's client {@code authToken} (a start) and the flow id: a credential for 15 minutes. The
 * database therefore stores neither the key nor the answer in clear: the record is found by a SHA-256 of the key,
 * and the answer is sealed with AES-256-GCM under a second, independent SHA-256 of the caller and the key. Only a
 * repeat that presents the same key (as the same caller) can open it; a database dump, a backup or a DBA's query
 * shows ciphertext. GCM also detects an altered row: the repeat then fails (500) rather than replay altered data.
 *
 * <p>The protection is as strong as the key is unguessable: callers should send random keys (a UUID has 122 random
 * bits), as the README says. No server-side secret is involved, so every node of a cluster can open what another
 * sealed, and there is no key to rotate or leak.
 */
final class AnswerSeal {

    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param scope the caller scope; @param idempotencyKey the key the caller sent */
    AnswerSeal(String scope, String idempotencyKey) {
        this.key = new SecretKeySpec(sha256("prove-gateway idempotency seal\n" + scope + "\n" + idempotencyKey),
                "AES");
    }

    /** What the record is stored under instead of the key itself: 64 hex digits. */
    static String lookupKey(String idempotencyKey) {
        return HexFormat.of().formatHex(sha256("prove-gateway idempotency lookup\n" + idempotencyKey));
    }

    String seal(String answer) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(answer.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** @throws IllegalArgumentException when the text was not sealed with this caller's key or was altered */
    String open(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a sealed answer");
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("not a sealed answer");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("sealed with another key, or altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
