package org.casetrail.query.quality;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.casetrail.query.quality.QualityViews.FiguresView;
import org.casetrail.query.quality.QualityViews.QualityReportView;
import org.casetrail.query.quality.QualityViews.ReportContactView;
import org.casetrail.query.web.CsvRows;

/**
 * The recording-quality report as RFC 4180 CSV: its figures (overall, by worker, by case), or the contacts behind
 * them, one row each, times in the reader's zone.
 */
public final class QualityCsv {

    private static final List<String> FIGURES = List.of("group", "key", "name", "signed", "allStepsMet", "share",
            "mostMissedStep", "mostMissedCount", "late", "homeVisits", "frequencyKept", "signedShortWithoutReason");
    private static final List<String> CONTACTS = List.of("contactId", "caseId", "serviceUser", "author",
            "occurredAt", "signedAt", "stepsNotMet", "late", "homeVisit", "frequencyKept", "shortfallReason");

    private QualityCsv() {
    }

    public static String figures(QualityReportView report) {
        List<List<String>> rows = new ArrayList<>(List.of(FIGURES));
        rows.add(row(report.all()));
        report.byWorker().forEach(f -> rows.add(row(f)));
        report.byCase().forEach(f -> rows.add(row(f)));
        return write(rows);
    }

    public static String contacts(QualityReportView report, ZoneId zone) {
        List<List<String>> rows = new ArrayList<>(List.of(CONTACTS));
        for (ReportContactView c : report.contacts()) {
            rows.add(List.of(c.contactId(), c.caseId(), CsvRows.text(c.serviceUserName()), CsvRows.text(c.author()),
                    CsvRows.time(c.occurredAt(), zone), CsvRows.time(c.signedAt(), zone),
                    c.stepsNotMet().stream().map(String::valueOf).collect(Collectors.joining(" ")),
                    String.valueOf(c.late()), String.valueOf(c.homeVisit()),
                    c.frequencyKept() == null ? "" : String.valueOf(c.frequencyKept()), CsvRows.text(c.shortfallReason())));
        }
        return write(rows);
    }

    private static List<String> row(FiguresView f) {
        return List.of(f.group(), CsvRows.text(f.key()), CsvRows.text(f.name()), String.valueOf(f.signed()),
                String.valueOf(f.allStepsMet()), f.share() == null ? "" : String.format(java.util.Locale.ROOT, "%.3f", f.share()),
                f.mostMissedStep() == null ? "" : String.valueOf(f.mostMissedStep()), String.valueOf(f.mostMissedCount()),
                String.valueOf(f.late()), String.valueOf(f.homeVisits()), String.valueOf(f.frequencyKept()),
                String.valueOf(f.signedShortWithoutReason()));
    }

    private static String write(List<List<String>> rows) {
        return CsvRows.write(rows, "recording-quality report");
    }
}
