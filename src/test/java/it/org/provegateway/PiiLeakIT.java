package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import it.org.provegateway.support.Database;
import it.org.provegateway.support.Sandbox;

/**
 * PII is never stored and never logged: runs identity flows with every Prove Identity and Pre-Fill test user's data
 * (Pre-Fill users also through the challenge, whose answer carries the pre-filled individual), through
 * the happy path and through error paths (Bean Validation, the gateway's own checks, step refusals, malformed JSON,
 * Prove errors, a Prove error message that echoes the SSN), then scans every table of the gateway's database and
 * every file under the server's log directory (messages.log, trace.log with the gateway's FINE/FINEST lines, FFDC)
 * for each user's SSN, date of birth, street address and e-mail address.
 */
class PiiLeakIT extends GatewayIT {

    /** A Prove Identity test user (docs/sandbox.md 3.2). */
    record User(String phone, String first, String last, String street, String city, String region, String zip,
            LocalDate dob, String ssn, String email, boolean shortTerm) {

        Map<String, Object> individual() {
            Map<String, Object> address = new HashMap<>(Map.of("address", street, "city", city, "region", region,
                    "postalCode", zip));
            Map<String, Object> person = new HashMap<>(Map.of("firstName", first, "lastName", last,
                    "dob", dob.toString(), "addresses", List.of(address)));
            if (ssn != null) {
                person.put("ssn", ssn);
            }
            if (email != null) {
                person.put("emailAddresses", List.of(email));
            }
            return person;
        }

        /** Every form in which this user's personal data could show up in a table or a log line. */
        List<String> needles() {
            List<String> needles = new ArrayList<>(List.of(street, street.toUpperCase(Locale.ROOT),
                    dob.toString(), String.format("%d/%d/%d", dob.getMonthValue(), dob.getDayOfMonth(), dob.getYear()),
                    String.format("%02d/%02d/%d", dob.getMonthValue(), dob.getDayOfMonth(), dob.getYear()),
                    dob.toString().replace("-", ""), String.format("%02d.%02d.%d", dob.getDayOfMonth(),
                            dob.getMonthValue(), dob.getYear())));
            if (ssn != null) {
                needles.addAll(List.of(ssn, ssn.substring(0, 3) + "-" + ssn.substring(3, 5) + "-" + ssn.substring(5),
                        ssn.substring(0, 3) + " " + ssn.substring(3, 5) + " " + ssn.substring(5)));
            }
            if (email != null) {
                needles.add(email);
            }
            return needles;
        }
    }

    static final List<User> USERS = List.of(
            new User("2001004000", "Martina", "Goodram", "28965 Homewood Plaza", "Little Rock", "AR", "72204",
                    LocalDate.of(1995, 7, 26), "490959347", "mgoodram0@nasa.gov", true),
            new User("2001001695", "Milo", "Pinson", "6377 Birchwood Hill", "Littleton", "CO", "80161-2001",
                    LocalDate.of(1981, 1, 17), "847350596", "mpinsonm@dyndns.org", true),
            new User("2001004009", "Benji", "Harper", "27 Financial Place", "Bakersfield", "CA", "93301-2425",
                    LocalDate.of(1994, 9, 2), "565252770", "bharperd@superstars.com", false),
            new User("2001001698", "Enid", "Wildt", "861 Karstens Circle", "Washington", "DC", "20409",
                    LocalDate.of(1996, 6, 18), "212285822", "ewildtp@eepurl.com", false),
            new User("2001001699", "Carney", "Reinisch", "582 Coleman Point", "San Antonio", "TX", "78230",
                    LocalDate.of(2000, 3, 3), "166521601", "creinischq@php.net", false),
            new User("5551111111", "Lena", "Lansberry", "663 Stephen Drive", "Grand Rapids", "MI", "49518",
                    LocalDate.of(1999, 3, 4), "657766672", "llansberryk@nbcnews.com", false),
            new User("5552222222", "Axe", "Summersett", "1823 School Park", "Phoenix", "AZ", "85025",
                    LocalDate.of(1963, 9, 24), "670752404", "asummersettl@boston.com", false),
            new User("2001001693", "Marcia", "Longo", "00 Mallard Park", "New Orleans", "LA", "70165",
                    LocalDate.of(1982, 7, 19), "470806227", "mlongok@amazonaws.com", false),
            new User("2001001688", "Nevin", "Chattey", "9398 Scott Plaza", "Austin", "TX", "78744",
                    LocalDate.of(1980, 3, 20), "542742985", "nchatteyf@techcrunch.com", false),
            new User("2001001687", "Agretha", "Chene", "4861 Jay Junction", "Boston", "MS", "02208",
                    LocalDate.of(1994, 12, 29), "369956933", "achenee@printfriendly.com", false),
            new User("5550000000", "Cathee", "Simmonett", "49 Moulton Plaza", "Athens", "GA", "30610",
                    LocalDate.of(1962, 10, 6), "771240999", "csimmonettj@toplist.cz", false),
            new User("5555555555", "Van", "Moors", "9 Prairie Rose Court", "Columbus", "MS", "39705",
                    LocalDate.of(1976, 1, 7), null, null, false));

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @Test
    void noTableAndNoLogFileHoldsAnyTestUsersPersonalData() throws IOException {
        sandbox.reset();
        // Many flows in a few seconds: lift Prove's 25 requests/second so the scan is not cut short by 429s.
        sandbox.settings(Map.of("rateLimitPerSecond", 1000));
        for (User user : USERS) {
            runFlowsWith(user);
        }
        assertThat(db.count("SELECT COUNT(*) FROM flow_session WHERE kind = 'IDENTITY'"))
                .as("the flows left their session rows to scan").isGreaterThanOrEqualTo(USERS.size() * 2L);

        // The scanner finds what is there: Prove (the emulator) did receive every user's data.
        String received = given().get(SANDBOX + "/control/calls/v3/complete").asString();
        assertThat(found("Prove's received requests", received)).hasSizeGreaterThan(USERS.size());

        List<String> leaks = new ArrayList<>();
        for (String table : tables(db)) {
            for (Map<String, String> row : db.rows("SELECT * FROM \"" + table + "\"")) {
                leaks.addAll(found("table " + table, row.toString()));
            }
        }
        Path logs = Path.of(System.getProperty("it.server.logs"));
        assertThat(logs.resolve("messages.log")).exists();
        assertThat(Files.readString(logs.resolve("trace.log"), StandardCharsets.ISO_8859_1))
                .as("the gateway's FINE lines are scanned too").contains("identity flow");
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                leaks.addAll(found(logs.relativize(file).toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)));
            }
        }
        assertThat(leaks).as("personal data found (values not shown)").isEmpty();
    }

    /** The happy path, plus error paths that all carry the user's full data. */
    private void runFlowsWith(User user) {
        Map<String, Object> person = user.individual();

        // 1. Complete before validate: refused (409), the data never reaches Prove.
        String early = start(user, "mobile");
        complete(early, person).then().statusCode(409);

        // 2. The whole flow, verified (through Pre-Fill's challenge when Prove asks for it).
        String flowId = start(user, user.shortTerm() ? "desktop" : "mobile");
        possession(user, flowId);
        String next = given().contentType(ContentType.JSON).post(API + "/identity-flows/" + flowId + "/validate")
                .then().statusCode(200).extract().path("nextStep");
        if ("challenge".equals(next)) {
            challengeWith(user, flowId);
        }
        // Bean Validation failure (postal code) and the gateway's own check (impossible date) first ...
        Map<String, Object> badZip = new HashMap<>(person);
        Map<String, Object> address = new HashMap<>(Map.of("address", user.street(), "city", user.city(),
                "postalCode", "1234"));
        badZip.put("addresses", List.of(address));
        complete(flowId, badZip).then().statusCode(400);
        Map<String, Object> badDate = new HashMap<>(person);
        badDate.put("dob", user.dob().getYear() + "-02-30");
        complete(flowId, badDate).then().statusCode(400);
        // ... malformed JSON holding the SSN and street ...
        given().contentType(ContentType.JSON).body("{\"individual\":{\"ssn\":\"" + user.ssn() + "\",\"addresses\":[{"
                + "\"address\":\"" + user.street() + "\"").post(API + "/identity-flows/" + flowId + "/complete")
                .then().statusCode(400);
        // ... a Prove outage, and a Prove 400 whose message echoes the SSN and street ...
        sandbox.fault(Map.of("endpoint", "/v3/complete", "status", 503));
        complete(flowId, person).then().statusCode(503);
        sandbox.fault(Map.of("endpoint", "/v3/complete", "status", 400, "code", 8001, "message",
                "ssn " + user.ssn() + " at " + user.street() + " born " + user.dob() + " is invalid"));
        Response echoed = complete(flowId, person);
        echoed.then().statusCode(422);
        assertThat(echoed.asString()).doesNotContain(user.street());
        // ... then the real answer.
        complete(flowId, person).then().statusCode(200);

        // 3. A mismatch (wrong date of birth) for users with a client step: not verified.
        if (!user.shortTerm()) {
            String other = start(user, "desktop");
            sandbox.clientStep(authTokens.get(other), "instant-link").then().statusCode(200);
            String otherNext = given().contentType(ContentType.JSON).post(API + "/identity-flows/" + other
                    + "/validate").then().statusCode(200).extract().path("nextStep");
            if ("challenge".equals(otherNext)) {
                // a challenge that fails: the wrong date of birth goes to Prove's /v3/challenge instead
                challenge(other, Map.of("dob", user.dob().minusDays(1).toString())).then().statusCode(200);
                return;
            }
            Map<String, Object> wrongDob = new HashMap<>(person);
            wrongDob.put("dob", user.dob().minusDays(1).toString());
            complete(other, wrongDob).then().statusCode(200);
        }
    }

    /**
     * Pre-Fill's challenge with the user's date of birth and SSN, through its error paths first (the gateway's own
     * checks, a Prove outage, a Prove 400 echoing the values); the answer carries the pre-filled individual, which
     * must reach the caller and nothing else.
     */
    private void challengeWith(User user, String flowId) {
        Map<String, Object> body = new HashMap<>(Map.of("dob", user.dob().toString()));
        if (user.ssn() != null) {
            body.put("ssn", user.ssn());
        }
        challenge(flowId, Map.of("dob", user.dob().getYear() + "-02-30", "ssn", user.ssn() == null ? "0000"
                : user.ssn())).then().statusCode(400);
        sandbox.fault(Map.of("endpoint", "/v3/challenge", "status", 503));
        challenge(flowId, body).then().statusCode(503);
        sandbox.fault(Map.of("endpoint", "/v3/challenge", "status", 400, "code", 8001, "message",
                "ssn " + user.ssn() + " born " + user.dob() + " at " + user.street() + " is invalid"));
        challenge(flowId, body).then().statusCode(422);
        Response answer = challenge(flowId, body);
        answer.then().statusCode(200);
        if (user.ssn() != null) {
            assertThat(answer.jsonPath().getString("individual.lastName")).isEqualTo(user.last());
            assertThat(found("the challenge answer", answer.asString())).as("the caller gets the pre-filled data")
                    .isNotEmpty();
        }
    }

    private static Response challenge(String flowId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(API + "/identity-flows/" + flowId + "/challenge");
    }

    private final Map<String, String> authTokens = new HashMap<>();

    private String start(User user, String flowType) {
        Map<String, Object> body = new HashMap<>(Map.of("phoneNumber", user.phone(), "flowType", flowType));
        if ("desktop".equals(flowType)) {
            body.put("finalTargetUrl", "https://www.example.com/landing-page");
        }
        var started = given().contentType(ContentType.JSON).body(body).post(API + "/identity-flows").then()
                .statusCode(201).extract().jsonPath();
        authTokens.put(started.getString("flowId"), started.getString("authToken"));
        return started.getString("flowId");
    }

    private void possession(User user, String flowId) {
        if (!user.shortTerm()) {
            sandbox.clientStep(authTokens.get(flowId), "otp", Map.of("otp", "1234")).then().statusCode(200);
        }
    }

    private static Response complete(String flowId, Map<String, Object> individual) {
        return given().contentType(ContentType.JSON).body(Map.of("individual", individual))
                .post(API + "/identity-flows/" + flowId + "/complete");
    }

    /** Which user's data, of which kind, occurs in the text (never the value itself). */
    private static List<String> found(String where, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> hits = new ArrayList<>();
        for (User user : USERS) {
            user.needles().stream().filter(n -> lower.contains(n.toLowerCase(Locale.ROOT)))
                    .forEach(n -> hits.add(where + " holds " + user.last() + "'s " + kind(n)));
        }
        return hits;
    }

    /** Every table of the gateway's schema, from the database's own catalog. */
    static List<String> tables(Database db) {
        boolean derby = System.getProperty("it.db.url", "jdbc:derby").startsWith("jdbc:derby");
        String sql = derby
                ? "SELECT t.TABLENAME AS name FROM SYS.SYSTABLES t JOIN SYS.SYSSCHEMAS s ON t.SCHEMAID = s.SCHEMAID "
                        + "WHERE t.TABLETYPE = 'T' AND s.SCHEMANAME = CURRENT SCHEMA"
                : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() "
                        + "AND table_type = 'BASE TABLE'";
        List<String> tables = db.rows(sql).stream().map(row -> row.get("name")).toList();
        assertThat(tables.stream().map(t -> t.toLowerCase(Locale.ROOT)))
                .contains("flow_session", "key_binding", "key_binding_event", "schema_history");
        return tables;
    }

    private static String kind(String needle) {
        if (needle.contains("@")) {
            return "e-mail address";
        }
        if (needle.matches("[0-9 -]{9,11}") && needle.replaceAll("[^0-9]", "").length() == 9) {
            return "SSN";
        }
        return needle.matches("[0-9/.-]+") ? "date of birth" : "street address";
    }
}
