package org.provegateway.proveapi.wire;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The records against Prove's JSON, through a real JSON-B implementation (Yasson, as in Open Liberty). */
class WireFormatTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    private static JsonObject json(Object value) {
        return Json.createReader(new StringReader(JSONB.toJson(value))).readObject();
    }

    @Test
    void unifyRequestOmitsUnsetFieldsAndSpellsAllowOtpRetryLikeProve() {
        UnifyRequest request = UnifyRequest.builder("mobile", "71010d88-d0e7-4a24-9297-d1be6fefde81")
                .phoneNumber("2001004011").allowOtpRetry(true).build();

        JsonObject body = json(request);

        assertThat(body.keySet()).containsExactlyInAnyOrder("possessionType", "clientRequestId", "phoneNumber",
                "allowOTPRetry");
        assertThat(body.getBoolean("allowOTPRetry")).isTrue();
        assertThat(body.getString("possessionType")).isEqualTo("mobile");
    }

    @Test
    void startRequestOmitsUnsetFields() {
        JsonObject body = json(StartRequest.builder("desktop").phoneNumber("2001001695")
                .finalTargetUrl("https://www.example.com/landing-page").build());

        assertThat(body.keySet()).containsExactlyInAnyOrder("flowType", "phoneNumber", "finalTargetUrl");
    }

    @Test
    void completeRequestNestsTheIndividualAndOmitsNulls() {
        CompleteRequest request = new CompleteRequest("corr-1", new Individual("Milo", "Pinson", "1981-01-17",
                null, List.of(new Address("12 Main St", null, "Springfield", "IL", "62701")),
                List.of("mpinsonm@dyndns.org")));

        JsonObject body = json(request);

        JsonObject individual = body.getJsonObject("individual");
        assertThat(individual.keySet()).containsExactlyInAnyOrder("firstName", "lastName", "dob", "addresses",
                "emailAddresses");
        assertThat(individual.getJsonArray("addresses").getJsonObject(0).keySet())
                .containsExactlyInAnyOrder("address", "city", "region", "postalCode");
        assertThat(individual.getJsonArray("emailAddresses").getString(0)).isEqualTo("mpinsonm@dyndns.org");
    }

    @Test
    void smallRequestsUseProveFieldNames() {
        assertThat(json(new UnifyStatusRequest("corr-1", null)).keySet()).containsExactly("correlationId");
        assertThat(json(new UnifyBindRequest("corr-1", "2001004000", "req-1")).keySet())
                .containsExactlyInAnyOrder("correlationId", "phoneNumber", "clientRequestId");
        assertThat(json(new DeviceRevokeRequest("req-1", "dev-1")).keySet())
                .containsExactlyInAnyOrder("clientRequestId", "deviceId");
        assertThat(json(new ValidateRequest("corr-1")).keySet()).containsExactly("correlationId");
    }

    @Test
    void tokenResponseUsesSnakeCase() {
        TokenResponse token = JSONB.fromJson("{\"access_token\":\"eyJabc\",\"token_type\":\"Bearer\","
                + "\"expires_in\":3600,\"refresh_expires_in\":3600}", TokenResponse.class);

        assertThat(token).isEqualTo(new TokenResponse("eyJabc", "Bearer", 3600L, null, 3600L));
        assertThat(token.toString()).doesNotContain("eyJabc");
    }

    @Test
    void unifyResponseSuccessIsAString() {
        UnifyResponse response = JSONB.fromJson(
                "{\"success\":\"pending\",\"correlationId\":\"c\",\"authToken\":\"eyJjwt\"}", UnifyResponse.class);

        assertThat(response.success()).isEqualTo("pending");
        assertThat(response.outcome()).isEqualTo(UnifyOutcome.PENDING);
        assertThat(response.toString()).doesNotContain("eyJjwt");
    }

    @Test
    void unifyStatusKeepsEvaluationFailureReasonsAndIgnoresUnknownFields() {
        String body = """
                {"success":"false","phoneNumber":"2001004011","clientRequestId":"req-1",
                 "somethingNew":{"nested":[1,2,3]},
                 "evaluation":{
                   "authentication":{"result":"fail","failureReasons":{"9100":"phone possession incomplete"}},
                   "risk":{"result":"pass"}}}
                """;

        UnifyStatusResponse response = JSONB.fromJson(body, UnifyStatusResponse.class);

        assertThat(response.success()).isEqualTo("false");
        assertThat(response.outcome()).isEqualTo(UnifyOutcome.FAILURE);
        EvaluationCategory authentication = response.evaluation().get("authentication");
        assertThat(authentication.failed()).isTrue();
        assertThat(authentication.failureReasons()).containsEntry("9100", "phone possession incomplete");
        assertThat(authentication.hasFailureReason("9100")).isTrue();
        assertThat(response.evaluation().get("risk").failed()).isFalse();
        assertThat(response.evaluation().get("risk").failureReasons()).isNull();
    }

    /** Schema says string; some of Prove's examples show an unquoted boolean and a stray success in evaluation. */
    @Test
    void unifyStatusToleratesProveDocumentationQuirks() {
        String body = """
                {"success":true,"proveId":"p-1",
                 "evaluation":{"success":true,
                   "authentication":{"result":"fail","failureReasons":{"9101":"phone number doesn't match"}}}}
                """;

        UnifyStatusResponse response = JSONB.fromJson(body, UnifyStatusResponse.class);

        assertThat(response.outcome()).isEqualTo(UnifyOutcome.SUCCESS);
        assertThat(response.evaluation()).containsOnlyKeys("authentication");
        assertThat(response.evaluation().get("authentication").hasFailureReason("9101")).isTrue();
    }

    @Test
    void unifyStatusWithoutEvaluationHasNull() {
        UnifyStatusResponse response = JSONB.fromJson("{\"success\":\"possession_required\"}",
                UnifyStatusResponse.class);

        assertThat(response.outcome()).isEqualTo(UnifyOutcome.POSSESSION_REQUIRED);
        assertThat(response.evaluation()).isNull();
        assertThat(response.deviceId()).isNull();
    }

    @Test
    void unifyBindHasTheStatusShape() {
        UnifyBindResponse response = JSONB.fromJson("{\"success\":\"true\",\"phoneNumber\":\"2001004000\","
                + "\"proveId\":\"p-1\",\"deviceId\":\"d-1\"}", UnifyBindResponse.class);

        assertThat(response.outcome()).isEqualTo(UnifyOutcome.SUCCESS);
        assertThat(response.deviceId()).isEqualTo("d-1");
        assertThat(response.toString()).doesNotContain("2001004000");
    }

    @Test
    void revokeSuccessIsABoolean() {
        assertThat(JSONB.fromJson("{\"success\":true}", DeviceRevokeResponse.class).success()).isTrue();
        assertThat(JSONB.fromJson("{\"success\":false}", DeviceRevokeResponse.class).success()).isFalse();
    }

    @Test
    void startResponseCarriesNext() {
        StartResponse response = JSONB.fromJson("{\"authToken\":\"eyJ\",\"correlationId\":\"c\","
                + "\"next\":{\"v3-validate\":\"/v3/validate\"}}", StartResponse.class);

        assertThat(response.next()).containsEntry("v3-validate", "/v3/validate");
    }

    @Test
    void validateSuccessAndChallengeMissingAreBooleans() {
        ValidateResponse response = JSONB.fromJson("""
                {"success":true,"challengeMissing":false,"next":{"v3-complete":"/v3/complete"},
                 "phoneNumber":"2001001695","evaluation":{"authentication":{"result":"pass"}}}
                """, ValidateResponse.class);

        assertThat(response.success()).isTrue();
        assertThat(response.challengeMissing()).isFalse();
        assertThat(response.next()).containsKey("v3-complete");
        assertThat(response.evaluation().get("authentication").result()).isEqualTo("pass");
    }

    @Test
    void completeResponseReadsIdvKycAndEvaluation() {
        CompleteResponse response = JSONB.fromJson("""
                {"success":false,"next":{"done":"done"},"changeDetected":true,
                 "evaluation":{"identification":{"result":"fail","failureReasons":{"9014":"name mismatch"}}},
                 "idv":{"multiCIPConfidence":"high",
                   "dataSource1":{"cipConfidence":"high","reasonCodes":["NA","DI"],"verified":true,
                     "address":{"addressScore":100,"city":true,"distance":6.02,"postalCode":true,
                                "region":true,"street":true,"streetNumber":1},
                     "identifiers":{"dob":true,"last4":true,"ssn":false},
                     "name":{"firstName":5,"lastName":5,"nameScore":2},
                     "email":{"emailAddress":true}}},
                 "kyc":{"totalHits":1,"amlTypeLists":[{"amlType":"sanction","listHits":1,
                   "fields":[{"name":"Name","source":"OFAC","value":"Milo Pinson"}]}]}}
                """, CompleteResponse.class);

        assertThat(response.success()).isFalse();
        assertThat(response.changeDetected()).isTrue();
        assertThat(response.evaluation().get("identification").failureReasons()).containsKey("9014");
        assertThat(response.idv().multiCipConfidence()).isEqualTo("high");
        DataSource source = response.idv().dataSource1();
        assertThat(source.reasonCodes()).containsExactly("NA", "DI");
        assertThat(source.address().addressScore()).isEqualTo(100);
        assertThat(source.address().distance()).isEqualByComparingTo("6.02");
        assertThat(source.address().city()).isTrue();
        assertThat(source.identifiers().ssn()).isFalse();
        assertThat(source.identifiers().dob()).isTrue();
        assertThat(source.address().streetNumber()).isEqualTo(1);
        assertThat(source.name().firstName()).isEqualTo(5);
        assertThat(source.name().nameScore()).isEqualTo(2);
        assertThat(source.email().emailAddress()).isTrue();
        assertThat(response.idv().dataSource2()).isNull();
        AmlTypeList list = response.kyc().amlTypeLists().get(0);
        assertThat(response.kyc().totalHits()).isEqualTo(1L);
        assertThat(list.fields().get(0).value()).isEqualTo("Milo Pinson");
        assertThat(response.toString()).doesNotContain("Milo Pinson");
    }

    @Test
    void completeResponseWithoutOptionalParts() {
        CompleteResponse response = JSONB.fromJson("{\"success\":true,\"next\":{\"done\":\"done\"}}",
                CompleteResponse.class);

        assertThat(response.success()).isTrue();
        assertThat(response.idv()).isNull();
        assertThat(response.kyc()).isNull();
        assertThat(response.changeDetected()).isNull();
    }

    /**
     * Prove's models fix the JSON types; JSON-B's default would read the word "match" into a Boolean as false. A
     * verdict of the wrong type is read as absent, never as the opposite verdict, and no string is ever kept.
     */
    @Test
    void idvVerdictsOfTheWrongJsonTypeAreReadAsAbsentNeverAsTheOppositeVerdict() {
        CompleteResponse response = JSONB.fromJson("""
                {"success":true,"next":{"done":"done"},
                 "idv":{"multiCIPConfidence":"high","dataSource1":{
                   "name":{"firstName":"match","lastName":4.5,"nameScore":100},
                   "identifiers":{"dob":"match","last4":"true","ssn":"Pinson"},
                   "address":{"streetNumber":"match","street":"6377 Birchwood Hill","addressScore":100,
                              "distance":"far","city":1},
                   "email":{"emailAddress":null}}}}
                """, CompleteResponse.class);

        DataSource source = response.idv().dataSource1();
        assertThat(source.name().firstName()).isNull();
        assertThat(source.name().lastName()).as("not an integer").isNull();
        assertThat(source.name().nameScore()).isEqualTo(100);
        assertThat(source.identifiers().dob()).isNull();
        assertThat(source.identifiers().last4()).isNull();
        assertThat(source.identifiers().ssn()).isNull();
        assertThat(source.address().street()).isNull();
        assertThat(source.address().streetNumber()).isNull();
        assertThat(source.address().distance()).isNull();
        assertThat(source.address().city()).isNull();
        assertThat(source.address().addressScore()).isEqualTo(100);
        assertThat(source.email().emailAddress()).isNull();
    }
}
