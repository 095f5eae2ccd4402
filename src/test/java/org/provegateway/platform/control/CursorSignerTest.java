package org.provegateway.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CursorSignerTest {

    static final CursorSigner MINE = new CursorSigner(secret(1));
    static final CursorSigner OTHER_DATABASE = new CursorSigner(secret(2));

    static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }

    @Test
    void aCursorStandsForItsPositionAndIsStable() {
        for (long position : new long[] {0, 1, 41, 9_007_199_254_740_993L}) {
            String cursor = MINE.sign("kb2", position);
            assertThat(cursor).matches("[A-Za-z0-9_.-]+")
                    .hasSizeLessThanOrEqualTo(CursorSigner.MAX_LENGTH);
            assertThat(MINE.sign("kb2", position)).isEqualTo(cursor);
            assertThat(cursor.substring(0, cursor.indexOf('.'))).as("opaque").doesNotContain(Long.toString(position));
            assertThat(MINE.open("kb2", cursor)).contains(position);
        }
    }

    @Test
    void aCursorOfAnotherInstallationOrFeedDoesNotOpen() {
        assertThat(MINE.open("kb2", OTHER_DATABASE.sign("kb2", 5))).isEmpty();
        assertThat(MINE.open("ae1", MINE.sign("kb2", 5))).isEmpty();
    }

    @Test
    void forgedAndOldUnsignedCursorsDoNotOpen() {
        String unsigned = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("kb1.999999".getBytes(StandardCharsets.US_ASCII));
        assertThat(MINE.open("kb2", unsigned)).isEmpty();
        String genuine = MINE.sign("kb2", 5);
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("kb2.999999".getBytes(StandardCharsets.US_ASCII));
        assertThat(MINE.open("kb2", payload + genuine.substring(genuine.indexOf('.')))).as("moved position")
                .isEmpty();
        for (String bad : new String[] {null, "", ".", "a.b", "not base64!.x", genuine + "A", genuine + ".x",
                "A".repeat(100)}) {
            assertThat(MINE.open("kb2", bad)).as(String.valueOf(bad)).isEmpty();
        }
    }
}
