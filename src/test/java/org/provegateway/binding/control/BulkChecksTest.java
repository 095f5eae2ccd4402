package org.provegateway.binding.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provegateway.binding.control.KeyBindings.Lookup;
import org.provegateway.platform.control.GatewayException;
import org.provegateway.platform.control.ProblemType;

/** Reading bulk-check requests: shapes accepted, shapes refused, limits. */
class BulkChecksTest {

    final BulkChecks checks = new BulkChecks();

    @BeforeEach
    void limits() {
        checks.config = new BindingConfig();
        checks.config.bulkCheckMaxItems = 3;
        checks.config.bulkCheckChunkSize = 2;
    }

    BulkCheck read(String json) {
        return checks.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    ProblemType refusal(String json) {
        try {
            read(json);
        } catch (GatewayException e) {
            return e.type();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void itemsAreReadInOrderWithNonStringsKeptAsInvalid() {
        BulkCheck check = read("{\"phoneNumbers\": [\"2001004014\", 12, null]}");
        assertThat(check.lookup()).isEqualTo(Lookup.PHONE_NUMBER);
        assertThat(check.items()).isEqualTo(Arrays.asList("2001004014", null, null));
        assertThat(read("{\"customerReferences\": [{\"a\": [1]}, [2], \"C\"]}").items())
                .isEqualTo(Arrays.asList(null, null, "C"));
        assertThat(read("{\"customerReferences\": []}").items()).isEmpty();
    }

    @Test
    void moreItemsThanAllowedAreRefusedAsTooLarge() {
        assertThat(refusal("{\"phoneNumbers\": [\"1\", \"2\", \"3\", \"4\"]}")).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
        assertThat(refusal("{\"phoneNumbers\": [\"" + "1".repeat(5000) + "\"]}"))
                .as("bytes are bounded too").isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
    }

    @Test
    void otherShapesAreRefusedAsInvalid() {
        for (String json : new String[] {"", "[]", "{}", "\"x\"", "{\"phoneNumbers\": \"1\"}",
                "{\"phoneNumbers\": [], \"customerReferences\": []}", "{\"deviceIds\": []}",
                "{\"phoneNumbers\": [\"1\"", "{\"phoneNumbers\": []} []", "{\"phoneNumbers\": [\"1\" \"2\"]}"}) {
            assertThat(refusal(json)).as(json).isEqualTo(ProblemType.INVALID_REQUEST);
        }
        assertThatThrownBy(() -> read("{\"x\": 1}")).isInstanceOf(GatewayException.class)
                .hasMessageStartingWith("body:");
    }
}
