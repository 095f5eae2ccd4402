package org.provegateway.sandbox.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Format rules of Prove's request fields (docs/sandbox.md section 2.1). A value that breaks its rule is answered
 * with HTTP 400 code 8001 and a message that starts with the field name (D3).
 */
public enum FieldRule {
    /** Anything (the value only has to be a string). */
    TEXT(null, 0, ""),
    PHONE_NUMBER("[A-Za-z0-9+]+", 0, "may contain only letters, digits and '+'"),
    FINAL_TARGET_URL("[A-Za-z0-9\\-._+=/:?]+", 128, "may contain only letters, digits and the characters -._+=/:?"),
    SMS_MESSAGE(null, 160, ""),
    EMAIL_ADDRESS("[A-Za-z0-9@.+]+", 0, "may contain only letters, digits and the characters @.+"),
    IP_ADDRESS("[A-Za-z0-9.:]+", 0, "may contain only letters, digits, '.' and ':'"),
    CORRELATION_ID("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 0,
            "must be a UUID in lower-case hex (8-4-4-4-12)"),
    /** Format only; the calendar check is done by the identity comparison. */
    DOB("\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}|\\d{2}-\\d{2}", 0, "must be YYYY-MM-DD, YYYY-MM or MM-DD"),
    /** Behaviour choice: digits only, the full 9 digits or the last 4 (no dashes). */
    SSN("\\d{9}|\\d{4}", 0, "must be 9 digits or the last 4 digits"),
    POSTAL_CODE("\\d{5}(-\\d{4})?", 0, "must be 5 digits or ZIP+4 (12345-6789)");

    private final Optional<Pattern> pattern;
    private final int maxLength;
    private final String patternMessage;

    FieldRule(String pattern, int maxLength, String patternMessage) {
        this.pattern = Optional.ofNullable(pattern).map(Pattern::compile);
        this.maxLength = maxLength;
        this.patternMessage = patternMessage;
    }

    /** Throws HTTP 400 / 8001 when the value breaks the rule; lengths count characters (code points). */
    public void check(String field, String value) {
        if (maxLength > 0 && value.codePointCount(0, value.length()) > maxLength) {
            throw SandboxError.malformed(field + " must be at most " + maxLength + " characters");
        }
        pattern.filter(p -> !p.matcher(value).matches()).ifPresent(p -> {
            throw SandboxError.malformed(field + " " + patternMessage);
        });
    }
}
