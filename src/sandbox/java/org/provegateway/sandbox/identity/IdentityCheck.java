package org.provegateway.sandbox.identity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.provegateway.sandbox.users.IdentityRecord;
import org.provegateway.sandbox.users.TestUser;

/**
 * Compares the {@code individual} sent to {@code /v3/complete} with the test user's record and builds the answer
 * (D17).
 *
 * <p>Rules: names case-insensitively; SSN in full (9 digits) or by its last 4; DOB by the parts given; address of the
 * first entry only, each given part (street, city, region, postal code: 5 digits against the first 5, ZIP+4 in full
 * when the record has one) against the record's first address; e-mail case-insensitively. Every mismatch of a given
 * value adds a failure reason: 9012 SSN, 9013 DOB, 9014 name, 9015 address (e-mail adds none). The check passes when
 * nothing mismatches and first+last name or the SSN matched; when it fails without a mismatch (e.g. only an SSN that
 * the record does not know) the reason is 9011. A value the record lacks (Van Moors' SSN and e-mail) is neither a
 * match nor a mismatch.
 *
 * <p>The {@code idv} block carries Prove's JSON types, never the values sent: booleans for {@code street},
 * {@code city}, {@code region}, {@code postalCode}, {@code dob}, {@code last4}, {@code ssn}, {@code emailAddress};
 * integer scores for {@code firstName}/{@code lastName} (0-5, by similarity), {@code nameScore} and
 * {@code addressScore} (0-100), {@code streetNumber} (1 same house number, 0 not); {@code distance} a decimal number of
 * miles (the emulator has no map: 0.0 same street, 1.5 same ZIP, 12.0 same city and state, 250.0 otherwise).
 * {@code multiCIPConfidence}, {@code cipConfidence} ({@code high}/{@code low}) and {@code reasonCodes}
 * ({@code NAME_MATCH}, {@code DOB_MISMATCH}, ...) are strings; the reason codes are the emulator's own.
 */
final class IdentityCheck {

    private static final int NAME_SCALE = 5;

    private final Map<String, String> failures = new TreeMap<>();
    private final JsonArrayBuilder reasonCodes = Json.createArrayBuilder();
    private final JsonObjectBuilder dataSource = Json.createObjectBuilder();
    private final boolean success;

    private IdentityCheck(TestUser user, Individual individual) {
        IdentityRecord record = user.identity().orElseThrow();
        Optional<Double> first = individual.firstName().map(f -> similarity(f, user.firstName()));
        Optional<Double> last = individual.lastName().map(l -> similarity(l, user.lastName()));
        boolean firstSame = first.map(IdentityCheck::exact).orElse(false);
        boolean lastSame = last.map(IdentityCheck::exact).orElse(false);
        boolean nameMatched = firstSame && lastSame;
        if (first.isPresent() || last.isPresent()) {
            JsonObjectBuilder name = Json.createObjectBuilder();
            first.ifPresent(f -> name.add("firstName", Math.round(f * NAME_SCALE)));
            last.ifPresent(l -> name.add("lastName", Math.round(l * NAME_SCALE)));
            double given = (first.isPresent() ? 1 : 0) + (last.isPresent() ? 1 : 0);
            name.add("nameScore", Math.round(100 * (first.orElse(0.0) + last.orElse(0.0)) / given));
            dataSource.add("name", name);
            element("NAME", first.map(IdentityCheck::exact).orElse(true) && last.map(IdentityCheck::exact).orElse(true),
                    "9014", "name mismatch");
        }

        Optional<Boolean> last4 = individual.ssn().flatMap(s -> record.ssn().map(r -> r.endsWith(s.substring(s.length() - 4))));
        Optional<Boolean> fullSsn = individual.ssn().filter(s -> s.length() == 9).flatMap(s -> record.ssn().map(s::equals));
        boolean ssnMatched = fullSsn.or(() -> last4).orElse(false);
        Optional<Boolean> dob = individual.dob().map(d -> d.matches(record.dob()));
        JsonObjectBuilder identifiers = Json.createObjectBuilder();
        dob.ifPresent(d -> identifiers.add("dob", d));
        last4.ifPresent(l -> identifiers.add("last4", l));
        fullSsn.ifPresent(s -> identifiers.add("ssn", s));
        JsonObject identifierAnswer = identifiers.build();
        if (!identifierAnswer.isEmpty()) {
            dataSource.add("identifiers", identifierAnswer);
        }
        fullSsn.or(() -> last4).ifPresent(m -> element("SSN", m, "9012", "SSN mismatch"));
        dob.ifPresent(m -> element("DOB", m, "9013", "birth date mismatch"));

        individual.address().ifPresent(address -> compareAddress(address, record.primary()));
        individual.emailAddress().ifPresent(email -> record.emailAddress().ifPresent(known -> {
            boolean same = sameText(email, known);
            dataSource.add("email", Json.createObjectBuilder().add("emailAddress", same));
            reasonCodes.add(same ? "EMAIL_MATCH" : "EMAIL_MISMATCH");
        }));

        success = failures.isEmpty() && (nameMatched || ssnMatched);
        if (!success && failures.isEmpty()) {
            failures.put("9011", "identity not confirmed with fewer than 4 elements");
        }
        String confidence = success ? "high" : "low";
        dataSource.add("cipConfidence", confidence).add("reasonCodes", reasonCodes);
    }

    static IdentityCheck of(TestUser user, Individual individual) {
        return new IdentityCheck(user, individual);
    }

    boolean success() {
        return success;
    }

    /** {@code {"identification":{"result":"pass"}}} or with {@code failureReasons} when failing. */
    JsonObject evaluation() {
        JsonObjectBuilder identification = Json.createObjectBuilder().add("result", success ? "pass" : "fail");
        if (!success) {
            JsonObjectBuilder reasons = Json.createObjectBuilder();
            failures.forEach(reasons::add);
            identification.add("failureReasons", reasons);
        }
        return Json.createObjectBuilder().add("identification", identification).build();
    }

    JsonObject idv() {
        return Json.createObjectBuilder()
                .add("multiCIPConfidence", success ? "high" : "low")
                .add("dataSource1", dataSource.build())
                .build();
    }

    private void compareAddress(Individual.Address given, IdentityRecord.PostalAddress known) {
        JsonObjectBuilder address = Json.createObjectBuilder();
        int compared = 0;
        int matched = 0;
        boolean streetSame = false;
        if (given.street().isPresent()) {
            String street = normalized(given.street().get());
            String knownStreet = normalized(known.street());
            streetSame = street.equals(knownStreet);
            address.add("streetNumber", firstWord(street).equals(firstWord(knownStreet)) ? 1 : 0)
                    .add("street", streetSame);
            compared++;
            matched += streetSame ? 1 : 0;
        }
        boolean citySame = false;
        if (given.city().isPresent()) {
            citySame = sameText(given.city().get(), known.city());
            address.add("city", citySame);
            compared++;
            matched += citySame ? 1 : 0;
        }
        boolean regionSame = false;
        if (given.region().isPresent()) {
            regionSame = sameText(given.region().get(), known.region());
            address.add("region", regionSame);
            compared++;
            matched += regionSame ? 1 : 0;
        }
        boolean zipSame = false;
        if (given.postalCode().isPresent()) {
            zipSame = samePostalCode(given.postalCode().get(), known.postalCode());
            address.add("postalCode", zipSame);
            compared++;
            matched += zipSame ? 1 : 0;
        }
        if (compared == 0) {
            return;
        }
        address.add("addressScore", Math.round(100.0 * matched / compared))
                .add("distance", distance(streetSame, zipSame, citySame && regionSame));
        dataSource.add("address", address);
        element("ADDRESS", matched == compared, "9015", "address mismatch");
    }

    /** Miles between the given and the known address, as far as the emulator can tell without a map. */
    private static BigDecimal distance(boolean sameStreet, boolean sameZip, boolean sameCity) {
        if (sameStreet && (sameZip || sameCity)) {
            return new BigDecimal("0.0");
        }
        if (sameZip) {
            return new BigDecimal("1.5");
        }
        return sameCity ? new BigDecimal("12.0") : new BigDecimal("250.0");
    }

    private void element(String name, boolean matches, String failureCode, String failureText) {
        reasonCodes.add(name + (matches ? "_MATCH" : "_MISMATCH"));
        if (!matches) {
            failures.put(failureCode, failureText);
        }
    }

    private static boolean samePostalCode(String given, String known) {
        if (given.length() == 5 || known.length() == 5) {
            return given.substring(0, 5).equals(known.substring(0, 5));
        }
        return given.equals(known);
    }

    private static boolean sameText(String given, String known) {
        return normalized(given).equals(normalized(known));
    }

    private static boolean exact(double similarity) {
        return similarity == 1.0;
    }

    /** 1.0 for the same text (case and spacing aside), down to 0.0: one minus the edit distance over the longer length. */
    static double similarity(String given, String known) {
        String a = normalized(given);
        String b = normalized(known);
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1.0 : 1.0 - (double) editDistance(a, b) / longer;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String normalized(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }
}
