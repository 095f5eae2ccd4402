package org.provegateway.platform.control;

import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Parses and normalises phone numbers with libphonenumber, the way Prove reads them: North-American (US/Canada)
 * numbers with or without {@code +1}; every other number with {@code +} and its country code. The result is the
 * E.164 form sent to Prove and stored.
 *
 * <p>How strict the check is comes from {@code phone.validation}: {@code valid} (the number is in an assigned range
 * of its country) or {@code possible} (right length for its country). Prove's sandbox test users live in
 * unassigned ranges (e.g. 200-100-4014), so the default is {@code possible} against Prove's UAT environments and
 * the emulator, and {@code valid} against production.
 */
@ApplicationScoped
public class PhoneNumbers {

    /** Digits with the usual separators; anything else (letters, scripts, control characters) is refused. */
    private static final Pattern ALLOWED = Pattern.compile("[+]?[0-9 ()./-]{4,30}");
    private static final String NORTH_AMERICA = "US";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @Inject
    @ConfigProperty(name = "phone.validation")
    Optional<String> validation;

    @Inject
    @ConfigProperty(name = "prove.api.environment", defaultValue = "uat-us")
    String environment;

    /**
     * @param field the request field, named in the error
     * @param raw   the number as the caller sent it
     * @return the number in E.164 form
     * @throws GatewayException (invalid request naming the field) if it is not a usable number
     */
    public String normalise(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw GatewayException.invalidField(field, "is required");
        }
        String input = raw.strip();
        if (!ALLOWED.matcher(input).matches() || raw.chars().anyMatch(Character::isISOControl)) {
            throw GatewayException.invalidField(field,
                    "must be digits, optionally with a leading + and country code (4 to 30 characters)");
        }
        PhoneNumber number;
        try {
            number = util.parse(input, input.startsWith("+") ? "ZZ" : NORTH_AMERICA);
        } catch (NumberParseException e) {
            throw GatewayException.invalidField(field, "is not a phone number (" + e.getErrorType() + ")");
        }
        if (!input.startsWith("+") && number.getCountryCode() != 1) {
            throw GatewayException.invalidField(field,
                    "international numbers need a leading + and their country code");
        }
        boolean acceptable = strictValidation() ? util.isValidNumber(number) : util.isPossibleNumber(number);
        if (!acceptable) {
            throw GatewayException.invalidField(field, strictValidation()
                    ? "is not a valid number for its country"
                    : "has the wrong length for its country");
        }
        return util.format(number, PhoneNumberFormat.E164);
    }

    private boolean strictValidation() {
        return validation.map(value -> value.strip().equalsIgnoreCase("valid"))
                .orElse(environment.strip().toLowerCase().startsWith("prod"));
    }

    /** The number as logs may show it: only the last four digits. */
    public static String mask(String number) {
        if (number == null) {
            return "none";
        }
        String digits = number.replaceAll("[^0-9]", "");
        return digits.length() <= 4 ? "****" : "***" + digits.substring(digits.length() - 4);
    }
}
