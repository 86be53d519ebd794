package org.casetrail.query.quality;

import java.time.LocalDate;
import java.util.List;

import org.casetrail.platform.web.InvalidFields;
import org.casetrail.platform.web.Params;

/**
 * A report's period: whole days from {@code from} to {@code to}, inclusive, at most {@link #MAX_DAYS}; by default
 * the 30 days to today.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 366;

    public static ReportPeriod of(String from, String to, LocalDate today) {
        LocalDate end = to == null || to.isBlank() ? today : Params.date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(29) : Params.date("from", from);
        if (end.isBefore(start)) {
            throw new InvalidFields("to", "must not be before from");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end.plusDays(1))) {
            throw new InvalidFields("to", "must be within " + MAX_DAYS + " days of from");
        }
        return new ReportPeriod(start, end);
    }

    /** The workers a report is of (a team: its workers), as given; blanks left out, at most 100. */
    public static List<String> workers(List<String> given) {
        if (given == null) {
            return List.of();
        }
        List<String> workers = given.stream().filter(w -> w != null && !w.isBlank()).map(String::trim).distinct()
                                    .toList();
        if (workers.size() > 100) {
            throw new InvalidFields("worker", "must name at most 100 workers");
        }
        if (workers.stream().anyMatch(w -> w.length() > 255)) {
            throw new InvalidFields("worker", "must be at most 255 characters");
        }
        return workers;
    }
}
