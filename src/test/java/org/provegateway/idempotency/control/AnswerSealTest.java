package org.provegateway.idempotency.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnswerSealTest {

    static final String ANSWER = "{\"flowId\":\"3f6c0e8e-5d0b-4c53-9b3e-1b1f0f3a4c11\",\"authToken\":\"eyJhbGciOi.secret\"}";

    @Test
    void theSameCallerAndKeyOpenWhatWasSealedAndTheStoredTextHoldsNothingInClear() {
        String sealed = new AnswerSeal("flows", "key-1").seal(ANSWER);
        assertThat(sealed).doesNotContain("authToken").doesNotContain("eyJhbGciOi").doesNotContain("3f6c0e8e");
        assertThat(new AnswerSeal("flows", "key-1").open(sealed)).isEqualTo(ANSWER);
        assertThat(new AnswerSeal("flows", "key-1").seal(ANSWER)).as("a fresh IV each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyAnotherCallerOrAnAlteredRowCannotOpenIt() {
        String sealed = new AnswerSeal("flows", "key-1").seal(ANSWER);
        assertThatThrownBy(() -> new AnswerSeal("flows", "key-2").open(sealed))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerSeal("operator", "key-1").open(sealed))
                .isInstanceOf(IllegalArgumentException.class);
        char[] chars = sealed.toCharArray();
        chars[chars.length - 5] = chars[chars.length - 5] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> new AnswerSeal("flows", "key-1").open(new String(chars)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AnswerSeal("flows", "key-1").open(ANSWER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLookupKeyIsAFixedLengthDigestNotTheKey() {
        String lookup = AnswerSeal.lookupKey("my-key-123");
        assertThat(lookup).hasSize(64).matches("[0-9a-f]{64}").doesNotContain("my-key-123")
                .isEqualTo(AnswerSeal.lookupKey("my-key-123")).isNotEqualTo(AnswerSeal.lookupKey("my-key-124"));
    }
}
