package org.casetrail.platform.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Query parameters with a shape of their own. */
public final class Params {

    private Params() {
    }

    /** An ISO-8601 instant with an offset; a '+' that arrived unencoded in a query string reads as a space. */
    public static Instant instant(String field, String value) {
        try {
            return OffsetDateTime.parse(value.trim().replace(' ', '+')).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFields(field, "must be an ISO-8601 instant with an offset, e.g. 2026-03-01T10:15:00Z");
        }
    }
}
