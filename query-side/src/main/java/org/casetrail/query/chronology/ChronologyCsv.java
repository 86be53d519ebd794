package org.casetrail.query.chronology;

import static org.casetrail.query.web.CsvRows.text;
import static org.casetrail.query.web.CsvRows.time;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.casetrail.query.chronology.ChronologyViews.ChronologyView;
import org.casetrail.query.chronology.ChronologyViews.EntryView;
import org.casetrail.query.web.CsvRows;

/** A chronology as RFC 4180 CSV: a header row, then one row per entry, times in the reader's zone. */
public final class ChronologyCsv {

    private static final List<String> COLUMNS = List.of("seq", "occurredAt", "occurredUntil", "age", "category",
            "summary", "sourceType", "sourceId", "sourceVersion", "impact", "outcome", "recordedAt", "recordedBy",
            "lateEntry", "amended", "addedAfterSigning", "reasonAfterSigning", "significant", "significanceMarkedBy",
            "significanceMarkedAt");

    private ChronologyCsv() {
    }

    public static String write(ChronologyView view, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>(List.of(COLUMNS));
        view.entries().forEach(e -> rows.add(row(e, zone)));
        return CsvRows.write(rows, "chronology");
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
}
