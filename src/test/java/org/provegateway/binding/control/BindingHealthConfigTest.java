package org.provegateway.binding.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import jakarta.ejb.ScheduleExpression;

class BindingHealthConfigTest {

    @Test
    void parsesCalendarAttributesInUtc() {
        ScheduleExpression expression = BindingHealthConfig.parseSchedule("hour=2 minute=30").orElseThrow();
        assertThat(expression.getHour()).isEqualTo("2");
        assertThat(expression.getMinute()).isEqualTo("30");
        assertThat(expression.getSecond()).isEqualTo("0");
        assertThat(expression.getDayOfWeek()).isEqualTo("*");
        assertThat(expression.getTimezone()).isEqualTo("UTC");
        ScheduleExpression weekly = BindingHealthConfig.parseSchedule(" dayOfWeek=Sun  hour=3 second=*/30 ")
                .orElseThrow();
        assertThat(weekly.getDayOfWeek()).isEqualTo("Sun");
        assertThat(weekly.getSecond()).isEqualTo("*/30");
    }

    @Test
    void offOrBlankDisablesTheSchedule() {
        assertThat(BindingHealthConfig.parseSchedule("off")).isEmpty();
        assertThat(BindingHealthConfig.parseSchedule("OFF")).isEmpty();
        assertThat(BindingHealthConfig.parseSchedule(" ")).isEmpty();
    }

    @Test
    void rejectsWhatItCannotRead() {
        assertThatThrownBy(() -> BindingHealthConfig.parseSchedule("daily")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> BindingHealthConfig.parseSchedule("hours=2")).hasMessageContaining("'hours'");
        assertThatThrownBy(() -> BindingHealthConfig.parseSchedule("hour=")).hasMessageContaining("key=value");
    }
}
