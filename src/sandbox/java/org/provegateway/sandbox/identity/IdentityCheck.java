package org.provegateway.sandbox.identity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.users.IdentityRecord;
import org.provegateway.sandbox.users.TestUser;

/**
 * Compares the {@code individual} sent to {@code /v3/complete} with the test user's record and builds the answer
 * (D17).
 *
 * <p>Rules: names case-insensitively; SSN in full (9 digits) or by its last 4; DOB by the parts given; address of the
 * first entry only, each given part (street, city, region, postal code: 5 digits against the first 5, ZIP+4 in full
 * when the record has one) against the record's single address; e-mail case-insensitively. Every mismatch of a given
 * value adds a failure reason: 9012 SSN, 9013 DOB, 9014 name, 9015 address (e-mail adds none). The check passes when
 * nothing mismatches and first+last name or the SSN matched; when it fails without a mismatch (e.g. only an SSN that
 * the record does not know) the reason is 9011. A value the record lacks (Van Moors' SSN and e-mail) is neither a
 * match nor a mismatch.
 *
 * <p>The {@code idv} block reports match words ({@code "match"}/{@code "mismatch"}) and scores, never the values
 * sent; its {@code reasonCodes} are emulator-specific ({@code NAME_MATCH}, {@code DOB_MISMATCH}, ...).
 */
final class IdentityCheck {

    private static final String MATCH = "match";
    private static final String MISMATCH = "mismatch";

    private final Map<String, String> failures = new TreeMap<>();
    private final JsonArrayBuilder reasonCodes = Json.createArrayBuilder();
    private final JsonObjectBuilder dataSource = Json.createObjectBuilder();
    private final boolean success;

    private IdentityCheck(TestUser user, Individual individual) {
        IdentityRecord record = user.identity().orElseThrow();
        Optional<Boolean> first = individual.firstName().map(f -> sameText(f, user.firstName()));
        Optional<Boolean> last = individual.lastName().map(l -> sameText(l, user.lastName()));
        boolean nameMatched = first.orElse(false) && last.orElse(false);
        if (first.isPresent() || last.isPresent()) {
            JsonAnswer name = JsonAnswer.object()
                    .addPresent("firstName", first.map(IdentityCheck::word))
                    .addPresent("lastName", last.map(IdentityCheck::word))
                    .add("nameScore", nameMatched ? 100 : first.orElse(false) || last.orElse(false) ? 50 : 0);
            dataSource.add("name", name.build());
            element("NAME", first.orElse(true) && last.orElse(true), "9014", "name mismatch");
        }

        Optional<Boolean> last4 = individual.ssn().flatMap(s -> record.ssn().map(r -> r.endsWith(s.substring(s.length() - 4))));
        Optional<Boolean> fullSsn = individual.ssn().filter(s -> s.length() == 9).flatMap(s -> record.ssn().map(s::equals));
        boolean ssnMatched = fullSsn.or(() -> last4).orElse(false);
        Optional<Boolean> dob = individual.dob().map(d -> d.matches(record.dob()));
        JsonObject identifiers = JsonAnswer.object()
                .addPresent("dob", dob.map(IdentityCheck::word))
                .addPresent("last4", last4.map(IdentityCheck::word))
                .addPresent("ssn", fullSsn.map(IdentityCheck::word))
                .build();
        if (!identifiers.isEmpty()) {
            dataSource.add("identifiers", identifiers);
        }
        fullSsn.or(() -> last4).ifPresent(m -> element("SSN", m, "9012", "SSN mismatch"));
        dob.ifPresent(m -> element("DOB", m, "9013", "birth date mismatch"));

        individual.address().ifPresent(address -> compareAddress(address, record));
        individual.emailAddress().ifPresent(email -> record.emailAddress().ifPresent(known -> {
            boolean same = sameText(email, known);
            dataSource.add("email", Json.createObjectBuilder().add("emailAddress", word(same)));
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

    private void compareAddress(Individual.Address given, IdentityRecord record) {
        JsonAnswer address = JsonAnswer.object();
        int compared = 0;
        int matched = 0;
        if (given.street().isPresent()) {
            String street = normalized(given.street().get());
            String known = normalized(record.address());
            boolean numberSame = firstWord(street).equals(firstWord(known));
            boolean streetSame = street.equals(known);
            address.add("streetNumber", word(numberSame)).add("street", word(streetSame));
            compared++;
            matched += streetSame ? 1 : 0;
        }
        if (given.city().isPresent()) {
            boolean same = sameText(given.city().get(), record.city());
            address.add("city", word(same));
            compared++;
            matched += same ? 1 : 0;
        }
        if (given.region().isPresent()) {
            boolean same = sameText(given.region().get(), record.region());
            address.add("region", word(same));
            compared++;
            matched += same ? 1 : 0;
        }
        if (given.postalCode().isPresent()) {
            boolean same = samePostalCode(given.postalCode().get(), record.postalCode());
            address.add("postalCode", word(same));
            compared++;
            matched += same ? 1 : 0;
        }
        if (compared == 0) {
            return;
        }
        address.add("addressScore", Math.round(100.0 * matched / compared));
        dataSource.add("address", address.build());
        element("ADDRESS", matched == compared, "9015", "address mismatch");
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

    private static String normalized(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    private static String word(boolean matches) {
        return matches ? MATCH : MISMATCH;
    }
}
