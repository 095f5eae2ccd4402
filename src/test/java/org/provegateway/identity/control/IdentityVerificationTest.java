package org.provegateway.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue.ValueType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.provegateway.proveapi.wire.CompleteResponse;

/**
 * Prove's own example {@code /v3/complete} answer (its published SDK models and documentation), read the way the
 * REST client reads it (JSON-B, Yasson as in Open Liberty) and answered to the caller: every verdict keeps Prove's
 * JSON type and meaning.
 */
class IdentityVerificationTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** From Prove's documentation: booleans per address part, integer scores, a decimal distance. */
    static final String PROVE_EXAMPLE = """
            {"success":true,"next":{"done":"done"},
             "evaluation":{"identification":{"result":"pass"},"authentication":{"result":"pass"}},
             "idv":{"multiCIPConfidence":"high",
               "dataSource1":{"cipConfidence":"high","reasonCodes":["NA","DI"],
                 "address":{"addressScore":0,"city":true,"distance":6.03,"postalCode":true,"region":true,
                            "street":true,"streetNumber":1},
                 "identifiers":{"dob":true,"last4":true,"ssn":false},
                 "name":{"firstName":5,"lastName":5,"nameScore":100},
                 "email":{"emailAddress":true}}},
             "kyc":{"totalHits":0}}
            """;

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    @Test
    void provesExampleAnswerKeepsItsTypesAndMeaningEndToEnd() {
        CompleteResponse prove = JSONB.fromJson(PROVE_EXAMPLE, CompleteResponse.class);

        IdentityVerification.IdvResult idv = IdentityVerification.IdvResult.of(prove.idv());
        JsonObject answer = Json.createReader(new StringReader(JSONB.toJson(idv))).readObject();

        assertThat(answer.getString("multiCipConfidence")).isEqualTo("high");
        JsonObject source = answer.getJsonObject("dataSource1");
        assertThat(source.getString("cipConfidence")).isEqualTo("high");
        assertThat(source.getJsonArray("reasonCodes").getString(1)).isEqualTo("DI");
        JsonObject address = source.getJsonObject("address");
        assertThat(address.get("city").getValueType()).isEqualTo(ValueType.TRUE);
        assertThat(address.get("street").getValueType()).isEqualTo(ValueType.TRUE);
        assertThat(address.get("region").getValueType()).isEqualTo(ValueType.TRUE);
        assertThat(address.get("postalCode").getValueType()).isEqualTo(ValueType.TRUE);
        assertThat(address.getJsonNumber("streetNumber").isIntegral()).isTrue();
        assertThat(address.getInt("streetNumber")).isEqualTo(1);
        assertThat(address.getInt("addressScore")).isZero();
        assertThat(address.getJsonNumber("distance").bigDecimalValue()).isEqualByComparingTo("6.03");
        JsonObject identifiers = source.getJsonObject("identifiers");
        assertThat(identifiers.get("dob").getValueType()).isEqualTo(ValueType.TRUE);
        assertThat(identifiers.get("ssn").getValueType()).as("a boolean false, not a word").isEqualTo(ValueType.FALSE);
        JsonObject name = source.getJsonObject("name");
        assertThat(name.getJsonNumber("firstName").isIntegral()).isTrue();
        assertThat(name.getInt("firstName")).as("a score, not \"5\"").isEqualTo(5);
        assertThat(name.getInt("nameScore")).isEqualTo(100);
        assertThat(source.getJsonObject("email").get("emailAddress").getValueType()).isEqualTo(ValueType.TRUE);
        assertThat(answer.containsKey("dataSource2")).as("not reported, omitted").isFalse();
    }
}
