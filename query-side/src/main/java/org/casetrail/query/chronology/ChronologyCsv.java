package org.casetrail.query.chronology;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.casetrail.platform.time.Times;
import org.casetrail.query.chronology.ChronologyViews.ChronologyView;
import org.casetrail.query.chronology.ChronologyViews.EntryView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** A chronology as RFC 4180 CSV: a header row, then one row per entry, times in the reader's zone. */
public final class ChronologyCsv {

    private static final List<String> COLUMNS = List.of("seq", "occurredAt", "occurredUntil", "age", "category",
            "summary", "sourceType", "sourceId", "sourceVersion", "impact", "outcome", "recordedAt", "recordedBy",
            "lateEntry", "amended", "addedAfterSigning", "reasonAfterSigning", "significant", "significanceMarkedBy",
            "significanceMarkedAt");
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    /** Rows written as plain lists, the column names being the first. */
    private static final CsvSchema ROWS = CsvSchema.emptySchema().withLineSeparator("\r\n");

    private ChronologyCsv() {
    }

    public static String write(ChronologyView view, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>(List.of(COLUMNS));
        view.entries().forEach(e -> rows.add(row(e, zone)));
        try {
            return CSV.writer(ROWS).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the chronology as CSV", e);
        }
    }

    private static List<String> row(EntryView e, ZoneId zone) {
        return List.of(String.valueOf(e.seq()), time(e.occurredAt(), zone), time(e.occurredUntil(), zone),
                e.age() == null ? "" : e.age().toString(), text(e.category()), text(e.summary()), e.source().type(),
                e.source().id(), String.valueOf(e.source().version()), text(e.impact()), text(e.outcome()),
                time(e.recordedAt(), zone), text(e.recordedBy()), String.valueOf(e.lateEntry()),
                String.valueOf(e.amended()), String.valueOf(e.addedAfterSigning()), text(e.reasonAfterSigning()),
                String.valueOf(e.significance() != null && e.significance().significant()),
                e.significance() == null ? "" : text(e.significance().markedBy()),
                e.significance() == null ? "" : time(e.significance().markedAt(), zone));
    }

    private static String time(Instant instant, ZoneId zone) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Times.at(instant, zone));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
