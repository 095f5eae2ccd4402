package org.provegateway.sandbox.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Optional;
import org.provegateway.sandbox.platform.FieldRule;
import org.provegateway.sandbox.platform.SandboxError;

/** A date of birth as Prove accepts it: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code MM-DD}. */
record PartialDate(Optional<LocalDate> full, Optional<YearMonth> yearMonth, Optional<MonthDay> monthDay) {

    /** 8001 when the text is not one of the formats or not a calendar date. */
    static PartialDate parse(String field, String text) {
        FieldRule.DOB.check(field, text);
        String[] parts = text.split("-");
        try {
            if (parts.length == 3) {
                return new PartialDate(Optional.of(LocalDate.of(i(parts[0]), i(parts[1]), i(parts[2]))),
                        Optional.empty(), Optional.empty());
            }
            if (parts[0].length() == 4) {
                return new PartialDate(Optional.empty(), Optional.of(YearMonth.of(i(parts[0]), i(parts[1]))),
                        Optional.empty());
            }
            return new PartialDate(Optional.empty(), Optional.empty(), Optional.of(MonthDay.of(i(parts[0]), i(parts[1]))));
        } catch (DateTimeException e) {
            throw SandboxError.malformed(field + " is not a valid date");
        }
    }

    /** Compares only the parts given. */
    boolean matches(LocalDate date) {
        return full.map(date::equals)
                .or(() -> yearMonth.map(ym -> ym.equals(YearMonth.from(date))))
                .or(() -> monthDay.map(md -> md.equals(MonthDay.from(date))))
                .orElse(false);
    }

    private static int i(String digits) {
        return Integer.parseInt(digits);
    }
}
