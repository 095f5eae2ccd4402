package org.provegateway.binding.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeCursorTest {

    @Test
    void aCursorStandsForItsPositionAndIsStable() {
        for (long position : new long[] {0, 1, 41, 9_007_199_254_740_993L}) {
            String cursor = ChangeCursor.encode(position);
            assertThat(cursor).matches("[A-Za-z0-9_-]+").doesNotContain(Long.toString(position));
            assertThat(ChangeCursor.encode(position)).isEqualTo(cursor);
            assertThat(ChangeCursor.decode(cursor)).contains(position);
        }
    }

    @Test
    void anythingElseIsNoCursor() {
        assertThat(ChangeCursor.decode(null)).isEmpty();
        assertThat(ChangeCursor.decode("")).isEmpty();
        assertThat(ChangeCursor.decode("42")).isEmpty();
        assertThat(ChangeCursor.decode("not base64!")).isEmpty();
        assertThat(ChangeCursor.decode("a2IxLi0x")).as("kb1.-1").isEmpty();
        assertThat(ChangeCursor.decode("a2IyLjE")).as("kb2.1").isEmpty();
        assertThat(ChangeCursor.decode(ChangeCursor.encode(1) + "A".repeat(40))).isEmpty();
    }
}
