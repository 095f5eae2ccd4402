package org.provegateway.sandbox.identity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.provegateway.sandbox.platform.JsonAnswer;
import org.provegateway.sandbox.users.IdentityRecord;
import org.provegateway.sandbox.users.TestUser;

/**
 * The outcome of a Pre-Fill {@code /v3/challenge}: passed when every value given (date of birth by the parts given,
 * SSN in full or by its last 4) matches the test user's record. A value the record lacks (Van Moors' SSN) cannot
 * match. A passed challenge answers the pre-filled individual: name, every address of the record, e-mail, date of
 * birth ({@code YYYY-MM-DD}) and full SSN, as Prove's Pre-Fill does.
 */
final class Challenge {

    private final TestUser user;
    private final Map<String, String> failures;

    private Challenge(TestUser user, Map<String, String> failures) {
        this.user = user;
        this.failures = failures;
    }

    static Challenge of(TestUser user, ChallengeData data) {
        IdentityRecord record = user.identity().orElseThrow();
        Map<String, String> failures = new TreeMap<>();
        if (!data.ssn().map(s -> record.ssn().map(known -> s.length() == 9 ? known.equals(s) : known.endsWith(s))
                .orElse(false)).orElse(true)) {
            failures.put("9012", "SSN mismatch");
        }
        if (!data.dob().map(d -> d.matches(record.dob())).orElse(true)) {
            failures.put("9013", "birth date mismatch");
        }
        return new Challenge(user, failures);
    }

    boolean success() {
        return failures.isEmpty();
    }

    /** {@code {"identification":{"result":"pass"}}}, or {@code fail} with 9012 (SSN) / 9013 (date of birth). */
    JsonObject evaluation() {
        JsonObjectBuilder identification = Json.createObjectBuilder().add("result", success() ? "pass" : "fail");
        if (!success()) {
            JsonObjectBuilder reasons = Json.createObjectBuilder();
            failures.forEach(reasons::add);
            identification.add("failureReasons", reasons);
        }
        return Json.createObjectBuilder().add("identification", identification).build();
    }

    /** The pre-filled identity, only after a passed challenge. */
    Optional<JsonObject> individual() {
        if (!success()) {
            return Optional.empty();
        }
        IdentityRecord record = user.identity().orElseThrow();
        JsonArrayBuilder addresses = Json.createArrayBuilder();
        record.addresses().forEach(a -> addresses.add(JsonAnswer.object()
                .add("address", a.street()).add("city", a.city()).add("region", a.region())
                .add("postalCode", a.postalCode()).build()));
        JsonAnswer individual = JsonAnswer.object()
                .add("firstName", user.firstName())
                .add("lastName", user.lastName())
                .add("addresses", addresses.build());
        record.emailAddress().ifPresent(e -> individual.add("emailAddresses", Json.createArrayBuilder().add(e).build()));
        individual.add("dob", record.dob().toString());
        individual.addPresent("ssn", record.ssn());
        return Optional.of(individual.build());
    }
}
