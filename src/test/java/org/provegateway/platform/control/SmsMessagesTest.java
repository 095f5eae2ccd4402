package org.provegateway.platform.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsMessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"#### is your code.", "Code: #####", "Code: ######", "Line one\n#### is your code",
        "Ihr Code: #### \u2013 nicht weitergeben \uD83D\uDE00", "Ticket #12: ####"})
    void acceptsOneCodePlaceholder(String text) {
        assertThatCode(() -> SmsMessages.check(text, false)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Your code|false", "#### and ####|false", "Code #######|false", "Code #####|true", "Code ######|true",
        "'   '|false", "'Code ####\t'|false", "'Code ####\r'|false", "'Code #### \u0000'|false"})
    void refusesWithoutExactlyOneUsablePlaceholder(String text, boolean instantLink) {
        assertThatThrownBy(() -> SmsMessages.check(text, instantLink)).isInstanceOf(GatewayException.class)
                .hasMessageStartingWith("smsMessage: ");
    }

    @org.junit.jupiter.api.Test
    void countsCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE00".repeat(156);
        assertThatCode(() -> SmsMessages.check("####" + emoji, false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SmsMessages.check("####" + emoji + "x", false))
                .hasMessage("smsMessage: must be at most 160 characters");
    }
}
