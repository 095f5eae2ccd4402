package org.provegateway.platform.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cursors the gateway hands out (a position in a feed), signed with the installation's secret: {@code
 * base64url(kind.position) "." base64url(HMAC-SHA256(kind.position))[0..16]}. Opaque to callers, stable (the same
 * position always gives the same cursor), and only this installation can make one: a forged cursor, one of another
 * feed, or one from another database (another secret) does not open.
 */
public final class CursorSigner {

    /** Longer than any cursor this class makes. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern KIND = Pattern.compile("[a-z0-9]{1,8}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final int MAC_BYTES = 16;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public CursorSigner(byte[] secret) {
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String sign(String kind, long position) {
        if (!KIND.matcher(kind).matches() || position < 0) {
            throw new IllegalArgumentException("cursor kind or position");
        }
        byte[] payload = (kind + "." + position).getBytes(StandardCharsets.US_ASCII);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The position a cursor of this kind stands for; empty if this installation did not issue it. */
    public Optional<Long> open(String kind, String cursor) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = cursor.indexOf('.');
        if (dot < 1 || dot != cursor.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] mac;
        try {
            payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
            mac = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac, mac(payload))) {
            return Optional.empty();
        }
        String text = new String(payload, StandardCharsets.US_ASCII);
        String prefix = kind + ".";
        if (!text.startsWith(prefix) || !DIGITS.matcher(text.substring(prefix.length())).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.substring(prefix.length())));
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return Arrays.copyOf(hmac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
