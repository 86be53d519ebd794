package org.casetrail.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Query parameters with a shape of their own. */
public final class Params {

    private Params() {
    }

    /** An ISO-8601 instant with an offset; a '+' that arrived unencoded in a query string reads as a space. */
    public static Instant instant(String field, String value) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFields(field, "must be an ISO-8601 instant with an offset, e.g. 2026-03-01T10:15:00Z");
        }
        return InputRules.instant(field, instant);
    }

    /** A date, yyyy-mm-dd. */
    public static LocalDate date(String field, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeException e) {
            throw new InvalidFields(field, "must be a date, yyyy-mm-dd");
        }
        return InputRules.date(field, date);
    }
}
