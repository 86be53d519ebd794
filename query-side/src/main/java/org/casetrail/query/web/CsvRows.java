package org.casetrail.query.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.casetrail.platform.time.Times;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * How every CSV the query side serves is written: RFC 4180, rows as plain lists (the column names the first),
 * times with their offset in the reader's zone, absent values as empty cells.
 */
public final class CsvRows {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private CsvRows() {
    }

    /** The rows as CSV; {@code what} names the document in the error a failure raises. */
    public static String write(List<List<String>> rows, String what) {
        try {
            return CSV.writer(ROWS).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the " + what + " as CSV", e);
        }
    }

    /** An instant as ISO 8601 with the offset of {@code zone}; empty when absent. */
    public static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Times.at(instant, zone));
    }

    /** A text cell; empty when absent. */
    public static String text(String value) {
        return value == null ? "" : value;
    }
}
