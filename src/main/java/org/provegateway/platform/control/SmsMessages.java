package org.provegateway.platform.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a custom {@code smsMessage} against Prove's rules: at most 160 characters (non-ASCII allowed), and a
 * placeholder Prove replaces: {@code ####}, {@code #####} or {@code ######} for a 4-, 5- or 6-digit one-time code,
 * {@code ####} for the Instant Link URL. A text without a placeholder would reach the customer without the code or
 * link, so the flow could never succeed: the gateway refuses it, and refuses two placeholders or a run of more than
 * six {@code #} (which one would Prove replace?). Line feeds are allowed; other control characters are not.
 */
public final class SmsMessages {

    /** Prove's limit for {@code smsMessage}. */
    public static final int MAX_LENGTH = 160;

    private static final String FIELD = "smsMessage";
    private static final Pattern PLACEHOLDER = Pattern.compile("#{4,}");

    private SmsMessages() {
    }

    /**
     * @param text        the caller's text
     * @param instantLink true when Prove sends an Instant Link (desktop), whose placeholder is exactly {@code ####}
     * @throws GatewayException invalid request naming {@code smsMessage}
     */
    public static void check(String text, boolean instantLink) {
        if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw GatewayException.invalidField(FIELD, "must be at most " + MAX_LENGTH + " characters");
        }
        if (text.isBlank()) {
            throw GatewayException.invalidField(FIELD, "must not be blank (leave it out for Prove's default text)");
        }
        if (text.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL && c != '\n')) {
            throw GatewayException.invalidField(FIELD, "must not contain control characters other than line feeds");
        }
        Matcher placeholders = PLACEHOLDER.matcher(text);
        int found = 0;
        while (placeholders.find()) {
            found++;
            int length = placeholders.end() - placeholders.start();
            if (instantLink ? length != 4 : length > 6) {
                throw GatewayException.invalidField(FIELD, instantLink
                        ? "must mark the Instant Link with exactly #### (four #)"
                        : "must mark the code with ####, ##### or ###### (4 to 6 #)");
            }
        }
        if (found != 1) {
            throw GatewayException.invalidField(FIELD, "must contain exactly one placeholder (#### for the "
                    + (instantLink ? "Instant Link" : "code") + ")");
        }
    }
}
