package it.org.provegateway;

import static io.restassured.RestAssured.given;
import static it.org.provegateway.support.TestUsers.BENJI;
import static it.org.provegateway.support.TestUsers.LORANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import it.org.provegateway.support.Sandbox;
import it.org.provegateway.support.Tables;

/**
 * {@code GET /audit-events} as the bank's security team reads it (demo user {@code auditor}, role {@code auditor}),
 * and as everyone else meets it: no other role, and no caller without credentials, reads the trail.
 */
class AuditEventsIT extends GatewayIT {

    static final String PROBLEMS = "https://prove-gateway.dev/problems/";

    final Sandbox sandbox = new Sandbox(SANDBOX);

    @BeforeEach
    void freshProveAndTables() {
        sandbox.reset();
        Tables.reset(db, "audit_event", "key_binding_event", "key_binding", "flow_session");
    }

    static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, "demo-" + user).contentType(ContentType.JSON);
    }

    static JsonPath read(Map<String, ?> query) {
        return as("auditor").queryParams(query).get(API + "/audit-events").then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
    }

    static List<String> actions(JsonPath page) {
        return page.getList("events.action");
    }

    /** flows starts a possession flow, flows2 tries to get its result, flows starts an identity flow. */
    String[] history() {
        String possession = as("flows").body(Map.of("phoneNumber", LORANT, "possessionType", "mobile"))
                .post(API + "/possession-flows").then().statusCode(201).extract().jsonPath().getString("flowId");
        as("flows2").post(API + "/possession-flows/" + possession + "/result").then().statusCode(404);
        String identity = as("flows").body(Map.of("phoneNumber", BENJI, "flowType", "mobile"))
                .post(API + "/identity-flows").then().statusCode(201).extract().jsonPath().getString("flowId");
        return new String[] {possession, identity};
    }

    @Test
    void anAuditorReadsWhoDidWhatByFlowPrincipalActionAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        String[] flows = history();
        Instant after = Instant.now().plusSeconds(1);

        JsonPath all = read(Map.of());
        assertThat(actions(all)).containsExactly("POSSESSION_START", "FLOW_NOT_OWNED", "POSSESSION_RESULT",
                "IDENTITY_START");
        assertThat(all.getBoolean("hasMore")).isFalse();
        assertThat(all.getString("events[0].principal")).isEqualTo("flows");
        assertThat(all.getString("events[0].phoneMasked")).isEqualTo("***4014");
        assertThat(all.getString("events[0].outcome")).isEqualTo("success");
        assertThat(all.getString("events[0].occurredAt")).isNotBlank();
        assertThat(all.prettify()).doesNotContain("2001004014", "2001004009");

        assertThat(actions(read(Map.of("flowId", flows[0])))).containsExactly("POSSESSION_START", "FLOW_NOT_OWNED");
        assertThat(actions(read(Map.of("principal", "flows2")))).containsExactly("FLOW_NOT_OWNED",
                "POSSESSION_RESULT");
        JsonPath refused = read(Map.of("action", "FLOW_NOT_OWNED"));
        assertThat(refused.getString("events[0].flowId")).isEqualTo(flows[0]);
        assertThat(refused.getString("events[0].outcome")).isEqualTo("flow-not-found");
        assertThat(actions(read(Map.of("principal", "flows", "action", "IDENTITY_START"))))
                .containsExactly("IDENTITY_START");
        assertThat(actions(read(Map.of("from", before.toString(), "to", after.toString())))).hasSize(4);
        assertThat(actions(read(Map.of("to", before.toString())))).isEmpty();
        assertThat(actions(read(Map.of("from", after.toString())))).isEmpty();
        assertThat(actions(read(Map.of("bindingId", UUID.randomUUID().toString())))).isEmpty();
    }

    @Test
    void pagesFollowEachOtherWithoutGapOrRepeat() {
        history();
        history();
        as("flows2").post(API + "/possession-flows/" + UUID.randomUUID() + "/result").then().statusCode(404);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            Map<String, Object> query = cursor == null ? Map.of("limit", "3") : Map.of("limit", "3", "after", cursor);
            JsonPath page = read(query);
            seen.addAll(actions(page));
            cursor = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
            pages++;
        }
        assertThat(seen).hasSize(9).isEqualTo(actions(read(Map.of())));
        assertThat(pages).isEqualTo(3);
        // The end keeps its cursor; a later row appears after it.
        assertThat(read(Map.of("after", cursor)).getList("events")).isEmpty();
        assertThat(read(Map.of("after", cursor)).getString("nextCursor")).isEqualTo(cursor);
        as("flows").body(Map.of("phoneNumber", LORANT, "possessionType", "mobile")).post(API + "/possession-flows")
                .then().statusCode(201);
        assertThat(actions(read(Map.of("after", cursor)))).containsExactly("POSSESSION_START");
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        history();
        for (String user : List.of("flows", "flows2", "reader", "admin", "operator", "nobody")) {
            Response refused = as(user).get(API + "/audit-events");
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("type")).isEqualTo(PROBLEMS + "forbidden");
            assertThat(refused.asString()).doesNotContain("POSSESSION_START", "***4014");
        }
        given().auth().none().get(API + "/audit-events").then().statusCode(401)
                .body("type", equalTo(PROBLEMS + "unauthenticated"));
        given().auth().preemptive().basic("auditor", "not-demo-auditor").get(API + "/audit-events").then()
                .statusCode(401);
        // The auditor has no other role: it reads the trail, and nothing else.
        as("auditor").get(API + "/possession-flows/" + UUID.randomUUID()).then().statusCode(403);
        as("auditor").body(Map.of("phoneNumber", LORANT)).post(API + "/key-bindings/search").then().statusCode(403);
    }

    @Test
    void badFiltersCursorsAndLimitsAreRefusedNamingTheField() {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("ae1.999999".getBytes()) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        String changeFeedCursor = as("reader").get(API + "/key-bindings/changes").then().statusCode(200).extract()
                .jsonPath().getString("nextCursor");
        Map<String, Map<String, String>> bad = Map.of(
                "flowId", Map.of("flowId", "not-a-flow"),
                "bindingId", Map.of("bindingId", "1-1-1-1-1"),
                "action", Map.of("action", "DROP_TABLE"),
                "from", Map.of("from", "yesterday"),
                "to", Map.of("to", "2026-11-22"),
                "after", Map.of("after", forged),
                "limit", Map.of("limit", "1001"),
                "principal", Map.of("principal", "a\u0000b"));
        for (var query : bad.entrySet()) {
            Response answer = as("auditor").queryParams(query.getValue()).get(API + "/audit-events");
            assertThat(answer.statusCode()).as(query.getKey()).isEqualTo(400);
            assertThat(answer.jsonPath().getString("type")).isEqualTo(PROBLEMS + "invalid-request");
            assertThat(answer.jsonPath().getString("errors[0].field")).as(query.getKey()).isEqualTo(query.getKey());
        }
        as("auditor").queryParam("after", changeFeedCursor).get(API + "/audit-events").then().statusCode(400)
                .body("errors[0].field", equalTo("after"));
        as("auditor").queryParams(Map.of("from", "2026-11-23T00:00:00Z", "to", "2026-11-22T00:00:00Z"))
                .get(API + "/audit-events").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }
}
