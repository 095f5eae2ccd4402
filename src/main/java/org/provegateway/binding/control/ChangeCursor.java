package org.provegateway.binding.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A position in the change feed as callers see it: opaque (so that the gateway may change what it encodes) and
 * stable (the same position always gives the same cursor, and a cursor stays valid for good).
 */
public final class ChangeCursor {

    /** The beginning of the feed, before every change. */
    public static final long START = 0;

    private static final String PREFIX = "kb1.";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    private ChangeCursor() {
    }

    public static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor stands for; empty if it is not a cursor this gateway made. */
    public static Optional<Long> decode(String cursor) {
        if (cursor == null || cursor.length() > 40) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!text.startsWith(PREFIX) || !DIGITS.matcher(text.substring(PREFIX.length())).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text.substring(PREFIX.length())));
    }
}
