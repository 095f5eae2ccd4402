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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.SuiteOrder;
import it.org.provegateway.support.TokenLedger;

/**
 * The suite's closing check (it runs after every other IT class, see {@link SuiteOrder}): the server's log files
 * (messages.log, trace.log with every level of the gateway's and the emulator's loggers, FFDC, console output) and
 * every table of the gateway's database hold none of: the demo client secret, any OAuth access token or authToken
 * the emulator handed out during the whole suite, any test user's SSN or date of birth (in the forms they could take),
 * and, in the logs, any test user's full phone number (the masked {@code ***4014} form is allowed; the database keeps
 * numbers by design, for the key-binding registry). Findings name the place and the kind, never the value.
 */
@SuiteOrder.Last
class SecretLeakIT extends GatewayIT {

    static final String CLIENT_SECRET = "demo-client-secret";

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @Test
    void noLogFileAndNoTableHoldsASecretATokenOrATestUsersData() throws IOException {
        ownTraffic();

        Map<String, String> everywhere = new LinkedHashMap<>();
        everywhere.put(CLIENT_SECRET, "the client secret");
        Set<String> tokens = new LinkedHashSet<>(TokenLedger.recorded());
        tokens.addAll(TokenLedger.issuedBy(SANDBOX));
        tokens.forEach(token -> everywhere.put(token, "a token the emulator handed out"));
        for (PiiLeakIT.User user : PiiLeakIT.USERS) {
            dates(user.dob()).forEach(form -> everywhere.put(form, user.last() + "'s date of birth"));
            if (user.ssn() != null) {
                String ssn = user.ssn();
                for (String form : List.of(ssn, ssn.substring(0, 3) + "-" + ssn.substring(3, 5) + "-" + ssn.substring(5),
                        ssn.substring(0, 3) + " " + ssn.substring(3, 5) + " " + ssn.substring(5))) {
                    everywhere.put(form, user.last() + "'s SSN");
                }
            }
        }
        Map<String, String> logsOnly = new LinkedHashMap<>();
        List<String> phones = given().get(SANDBOX + "/control/users").then().statusCode(200).extract().jsonPath()
                .getList("phoneNumber", String.class);
        assertThat(phones).as("the emulator's test users").hasSizeGreaterThan(15);
        phones.forEach(phone -> logsOnly.put(phone.replace("+", ""), "a test user's full phone number"));
        PiiLeakIT.USERS.forEach(user -> logsOnly.put(user.phone(), "a test user's full phone number"));

        if (System.getProperty("it.issued.tokens") != null && TokenLedger.recorded().size() > 0) {
            assertThat(tokens).as("the tokens of the whole suite, not only this class's").hasSizeGreaterThan(
                    TokenLedger.issuedBy(SANDBOX).size());
        }
        // The scanner finds what is there: the ledger holds every token, the emulator's users every number.
        assertThat(found("ledger", String.join("\n", tokens), everywhere)).hasSizeGreaterThanOrEqualTo(tokens.size());

        List<String> leaks = new ArrayList<>();
        Path logs = Path.of(System.getProperty("it.server.logs"));
        assertThat(logs.resolve("messages.log")).exists();
        assertThat(logs.resolve("trace.log")).exists();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                String where = logs.relativize(file).toString();
                leaks.addAll(found(where, text, everywhere));
                leaks.addAll(found(where, text, logsOnly));
            }
        }
        for (String table : PiiLeakIT.tables(db)) {
            for (Map<String, String> row : db.rows("SELECT * FROM \"" + table + "\"")) {
                leaks.addAll(found("table " + table, row.toString(), everywhere));
            }
        }
        // The metrics a monitoring system scrapes (test.xml lets /metrics be read without credentials).
        String metrics = given().auth().none().get(HOST + "/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("prove_calls_seconds");
        leaks.addAll(found("/metrics", metrics, everywhere));
        leaks.addAll(found("/metrics", metrics, logsOnly));
        assertThat(leaks).as("secrets or personal data found (values not shown)").isEmpty();
    }

    /**
     * So that the scan means something when this class runs alone too: a possession flow, an identity flow to the
     * end, and bad requests that carry the secret and a token where a careless gateway would log them.
     */
    private void ownTraffic() {
        sandbox.reset();
        JsonPath started = given().contentType(ContentType.JSON)
                .body(Map.of("phoneNumber", "2001004018", "possessionType", "mobile"))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath();
        String authToken = started.getString("authToken");
        given().post(API + "/possession-flows/" + started.getString("flowId") + "/result").then().statusCode(200);

        PiiLeakIT.User martina = PiiLeakIT.USERS.get(0);
        String flowId = given().contentType(ContentType.JSON).body(Map.of("phoneNumber", martina.phone(), "flowType",
                "desktop", "finalTargetUrl", "https://www.example.com/landing-page")).post(API + "/identity-flows")
                .then().statusCode(201).extract().jsonPath().getString("flowId");
        given().contentType(ContentType.JSON).post(API + "/identity-flows/" + flowId + "/validate").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("individual", martina.individual()))
                .post(API + "/identity-flows/" + flowId + "/complete").then().statusCode(200);

        Map<String, Object> hostile = new HashMap<>(Map.of("phoneNumber", "2001004014", "possessionType", "mobile"));
        hostile.put("client_secret", CLIENT_SECRET);
        given().contentType(ContentType.JSON).body(hostile).post(API + "/possession-flows").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("phoneNumber", "2001004014", "possessionType", "mobile",
                "clientRequestId", authToken)).post(API + "/possession-flows").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"individual\":{\"ssn\":\"" + martina.ssn() + "\",\"dob\":\""
                + martina.dob() + "\",\"token\":\"" + authToken).post(API + "/identity-flows/" + flowId + "/complete")
                .then().statusCode(400);
    }

    /** The forms a date of birth takes in logs and tables. */
    static List<String> dates(LocalDate dob) {
        return List.of(dob.toString(), dob.toString().replace("-", ""),
                String.format("%02d/%02d/%d", dob.getMonthValue(), dob.getDayOfMonth(), dob.getYear()),
                String.format("%d/%d/%d", dob.getMonthValue(), dob.getDayOfMonth(), dob.getYear()),
                String.format("%02d.%02d.%d", dob.getDayOfMonth(), dob.getMonthValue(), dob.getYear()));
    }

    /** What kind of secret occurs where (never the value itself). */
    static List<String> found(String where, String text, Map<String, String> needles) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> hits = new ArrayList<>();
        needles.forEach((needle, kind) -> {
            if (lower.contains(needle.toLowerCase(Locale.ROOT))) {
                hits.add(where + " holds " + kind);
            }
        });
        return hits;
    }
}
