package org.provegateway.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.provegateway.identity.boundary.CompleteIdentityRequest;
import org.provegateway.identity.boundary.StartIdentityRequest;
import org.provegateway.possession.boundary.BindRequest;
import org.provegateway.possession.boundary.StartPossessionRequest;

class JsonShapeTest {

    record Inner(String name, List<String> tags) {
    }

    record Outer(String text, Boolean flag, Inner inner, List<Inner> inners) {
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"text\":1}|text|must be a string",
        "{\"text\":true}|text|must be a string",
        "{\"text\":[\"a\"]}|text|must be a string",
        "{\"text\":{}}|text|must be a string",
        "{\"flag\":\"true\"}|flag|must be true or false",
        "{\"flag\":1}|flag|must be true or false",
        "{\"inner\":\"x\"}|inner|must be an object",
        "{\"inners\":{}}|inners|must be an array",
        "{\"inners\":[{\"tags\":[1]}]}|inners[0].tags[0]|must be a string",
        "{\"inners\":[{\"nope\":1}]}|inners[0].nope|is not a field of this request",
        "{\"text\":\"a\",\"text\":\"b\"}|text|appears more than once",
        "{\"other\":\"a\"}|other|is not a field of this request",
        "{\"<script>\":\"a\"}|body|has a member whose name is not a field of this request",
        "{\"text\":\"a\\u0000b\"}|text|must not contain control characters",
        "{\"text\":\"a\\u202Eb\"}|text|must not contain control characters",
        "{\"text\":\"a\\ud800b\"}|text|must not contain an unpaired surrogate (not Unicode text)",
        "[]|body|must be a JSON object",
        "\"x\"|body|must be a JSON object",
        "null|body|must be a JSON object",
        "'  '|body|is required: send a JSON object",
    })
    void refusesNamingTheField(String json, String field, String message) {
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> JsonShape.check(json.getBytes(StandardCharsets.UTF_8), Outer.class));
        assertThat(refused).as(json).isNotNull();
        assertThat(refused.fieldErrors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo(field);
            assertThat(error.message()).isEqualTo(message);
        });
        assertThat(refused.type()).isEqualTo(ProblemType.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"a\"", "{\"text\":}", "{text:1}", "{'text':'a'}",
        "{\"text\":\"a\",}", "\uFEFF{}", "{} {}"})
    void malformedJsonIsRefusedWithoutEchoingIt(String json) {
        GatewayException refused = catchThrowableOfType(GatewayException.class,
                () -> JsonShape.check(json.getBytes(StandardCharsets.UTF_8), Outer.class));
        assertThat(refused).as(json).isNotNull();
        assertThat(refused.fieldErrors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).startsWith("is not well-formed JSON").doesNotContain("text");
        });
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] latin1 = "{\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        GatewayException refused = catchThrowableOfType(GatewayException.class, () -> JsonShape.check(latin1,
                Outer.class));
        assertThat(refused.getMessage()).isEqualTo("body: must be UTF-8 encoded JSON");
    }

    @Test
    void acceptsWellShapedBodiesWithNullsAndUnicode() {
        String json = "{\"text\":\"Zo\u00eb \uD83D\uDE00\\n\",\"flag\":false,\"inner\":null,"
                + "\"inners\":[{\"name\":\"a\",\"tags\":[\"x\",null]}]}";
        assertThatCode(() -> JsonShape.check(json.getBytes(StandardCharsets.UTF_8), Outer.class))
                .doesNotThrowAnyException();
    }

    @Test
    void everyRequestRecordOfTheApiHasOnlyTypesItCanCheck() {
        String full = "{\"individual\":{\"firstName\":\"a\",\"lastName\":\"b\",\"dob\":\"c\",\"ssn\":\"d\","
                + "\"addresses\":[{\"address\":\"a\",\"extendedAddress\":\"b\",\"city\":\"c\",\"region\":\"d\","
                + "\"postalCode\":\"e\"}],\"emailAddresses\":[\"e\"]}}";
        assertThatCode(() -> JsonShape.check(full.getBytes(StandardCharsets.UTF_8), CompleteIdentityRequest.class))
                .doesNotThrowAnyException();
        String possession = "{\"phoneNumber\":\"a\",\"possessionType\":\"b\",\"finalTargetUrl\":\"c\","
                + "\"allowOtpRetry\":true,\"checkReputation\":false,\"smsMessage\":\"d\",\"rebind\":true,"
                + "\"clientRequestId\":\"e\",\"customerReference\":\"f\",\"deviceId\":\"g\"}";
        assertThatCode(() -> JsonShape.check(possession.getBytes(StandardCharsets.UTF_8),
                StartPossessionRequest.class)).doesNotThrowAnyException();
        String identity = "{\"phoneNumber\":\"a\",\"flowType\":\"b\",\"finalTargetUrl\":\"c\",\"allowOtpRetry\":true,"
                + "\"smsMessage\":\"d\",\"ipAddress\":\"e\"}";
        assertThatCode(() -> JsonShape.check(identity.getBytes(StandardCharsets.UTF_8), StartIdentityRequest.class))
                .doesNotThrowAnyException();
        assertThatCode(() -> JsonShape.check("{\"possessionCheckPassed\":true}".getBytes(StandardCharsets.UTF_8),
                BindRequest.class)).doesNotThrowAnyException();
    }
}
