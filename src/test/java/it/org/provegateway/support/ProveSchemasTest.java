package it.org.provegateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The schemas themselves, before they judge the emulator: they accept Prove's own example answers (Prove's API
 * reference and SDK model examples, values as Prove prints them) and reject the shapes Prove's SDKs reject.
 */
class ProveSchemasTest {

    /**
     * Prove's API-reference example of a /v3/complete answer (scores, booleans, a decimal distance, placeholder
     * strings as Prove prints them), with a {@code kyc} block in the shape of Prove's KYC model (values ours: Prove's
     * reference shows none).
     */
    static final String PROVE_COMPLETE_EXAMPLE = """
            {"success":true,"next":{"done":"done"},
             "evaluation":{"identification":{"result":"pass"},"authentication":{"result":"pass"}},
             "idv":{"multiCIPConfidence":"multiCIPConfidence",
               "dataSource1":{"cipConfidence":"cipConfidence","reasonCodes":["reasonCodes","reasonCodes"],
                 "address":{"distance":6.027456183070403,"city":true,"streetNumber":1,"street":true,"postalCode":true,
                            "region":true,"addressScore":0},
                 "identifiers":{"last4":true,"dob":true,"ssn":true},
                 "name":{"firstName":5,"lastName":5,"nameScore":2},
                 "email":{"emailAddress":true}},
               "dataSource2":{"cipConfidence":"cipConfidence","reasonCodes":["reasonCodes"],
                 "address":{"distance":6.03,"city":true,"streetNumber":1,"street":true,"postalCode":true,
                            "region":true,"addressScore":0},
                 "identifiers":{"last4":true,"dob":true,"ssn":true},
                 "name":{"firstName":5,"lastName":5,"nameScore":2},
                 "email":{"emailAddress":true}}},
             "kyc":{"totalHits":4,"amlTypeLists":[{"amlType":"PEP","listHits":4,
               "fields":[{"name":"Name","source":"List","value":"Tod Weedall"}]}]}}
            """;

    @Test
    void acceptsProvesOwnExampleAnswers() {
        assertThat(ProveSchemas.problems("v3-complete", PROVE_COMPLETE_EXAMPLE)).isEmpty();
        assertThat(ProveSchemas.problems("v3-complete", "{\"success\":true,\"next\":{\"done\":\"done\"}}")).isEmpty();
        assertThat(ProveSchemas.problems("v3-challenge", """
                {"next":{"v3-complete":"/v3/complete"},"success":true,
                 "individual":{"firstName":"Tod","lastName":"Weedall",
                   "addresses":[{"address":"39 South Trail","city":"San Antonio","extendedAddress":"Apt 23",
                                 "postalCode":"78285","region":"TX"},
                                {"address":"4861 Jay Junction","city":"Boston","extendedAddress":"Apt 78",
                                 "postalCode":"02208","region":"MS"}],
                   "emailAddresses":["jdoe@example.com","dsmith@example.com"],"dob":"1981-01-17","ssn":"265228370"},
                 "evaluation":{"authentication":{"result":"pass"},"identification":{"result":"pass"}}}
                """)).isEmpty();
        assertThat(ProveSchemas.problems("v3-validate", """
                {"success":true,"challengeMissing":false,"next":{"v3-challenge":"/v3/challenge"},
                 "phoneNumber":"2001001695","evaluation":{"authentication":{"result":"pass"}}}
                """)).isEmpty();
        assertThat(ProveSchemas.problems("v3-start", """
                {"authToken":"eyJhbGciOi...","correlationId":"713189b8-5555-4b08-83ba-75d08780aebd",
                 "next":{"v3-validate":"/v3/validate"}}
                """)).isEmpty();
        assertThat(ProveSchemas.problems("v3-unify", """
                {"success":"pending","correlationId":"713189b8-5555-4b08-83ba-75d08780aebd","authToken":"eyJ..."}
                """)).isEmpty();
        assertThat(ProveSchemas.problems("v3-unify-status", """
                {"success":"false","phoneNumber":"2001004015",
                 "evaluation":{"authentication":{"result":"fail","failureReasons":{"9100":"Phone possession incomplete"}}}}
                """)).isEmpty();
        assertThat(ProveSchemas.problems("v3-unify-bind", """
                {"success":"true","phoneNumber":"2001004014","proveId":"a07b94ce-218c-461f-beda-d92480e40f61",
                 "deviceId":"bf9ea15d-7dfa-4bb4-a64c-6c26b53472fc","clientRequestId":"71010d88"}
                """)).isEmpty();
        assertThat(ProveSchemas.problems("v3-device-revoke", "{\"success\":true}")).isEmpty();
        assertThat(ProveSchemas.problems("token", """
                {"access_token":"eyJhbGciOi...","token_type":"Bearer","expires_in":3600,"refresh_expires_in":3600}
                """)).isEmpty();
        assertThat(ProveSchemas.problems("error", "{\"code\":1003,\"message\":\"step not allowed\"}")).isEmpty();
        assertThat(ProveSchemas.problems("error", "{\"message\":\"rate limit exceeded\"}")).isEmpty();
    }

    @Test
    void rejectsWordsWhereProveSendsBooleansAndNumbers() {
        String words = """
                {"success":true,"next":{"done":"done"},"idv":{"multiCIPConfidence":"high","dataSource1":{
                  "name":{"firstName":"match","lastName":"match","nameScore":100},
                  "address":{"city":"match","distance":"6.03","streetNumber":"match"},
                  "identifiers":{"ssn":"match"},"email":{"emailAddress":"match"}}}}
                """;
        assertThat(ProveSchemas.problems("v3-complete", words)).hasSize(7);
        assertThat(ProveSchemas.problems("v3-complete",
                "{\"success\":true,\"next\":{\"done\":\"done\"},\"idv\":{\"multiCIPConfidence\":3}}")).hasSize(1);
    }

    @Test
    void rejectsTheOtherSuccessTypeMissingFieldsAndStrayFields() {
        assertThat(ProveSchemas.problems("v3-unify-status", "{\"success\":true}")).isNotEmpty();
        assertThat(ProveSchemas.problems("v3-validate", "{\"success\":\"true\",\"challengeMissing\":false,"
                + "\"next\":{\"v3-complete\":\"/v3/complete\"}}")).isNotEmpty();
        assertThat(ProveSchemas.problems("v3-challenge", "{\"success\":true}")).isNotEmpty();
        assertThat(ProveSchemas.problems("token", "{\"access_token\":\"x\",\"token_type\":\"bearer\",\"expires_in\":1}"))
                .isNotEmpty();
        assertThat(ProveSchemas.problems("v3-start", "{\"authToken\":\"x\",\"correlationId\":\"not-a-uuid\","
                + "\"next\":{\"v3-validate\":\"/v3/validate\"}}")).isNotEmpty();
        assertThat(ProveSchemas.problems("v3-device-revoke", "{\"success\":true,\"deviceId\":\"x\"}")).isNotEmpty();
        assertThat(ProveSchemas.problems("error", "{\"code\":\"8001\",\"message\":\"x\"}")).isNotEmpty();
    }
}
