package org.casetrail.query.pages;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.query.quality.QualityCsv;
import org.casetrail.query.quality.QualityQueries;
import org.casetrail.query.quality.QualityViews.QualityReportView;
import org.casetrail.query.quality.QualityViews.ReportContactView;
import org.casetrail.query.quality.ReportPeriod;
import org.casetrail.web.Dates;
import org.casetrail.web.PageController;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The recording-quality report for managers: signed contacts over a period against the seven steps, by worker and
 * by case; each figure leads to the contacts behind it, and the whole downloads as CSV.
 */
@PageController
class QualityPages {

    /** The sets of contacts a figure can lead to. */
    private static final List<String> SHOWN = List.of("all", "met", "not-met", "late", "home-visits",
                                                      "frequency-kept", "frequency-missed", "short-without-reason");

    private final QualityQueries quality;
    private final Dates dates;

    QualityPages(QualityQueries quality, Dates dates) {
        this.quality = quality;
        this.dates = dates;
    }

    @GetMapping("/compliance/recording-quality")
    @AuditedRead
    String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) List<String> worker, @RequestParam(required = false) String caseId,
                  @RequestParam(required = false) String show, @RequestParam(required = false) String step,
                  Model model) {
        QualityReportView report = find(from, to, worker, caseId);
        String shown = show == null || show.isBlank() ? (step == null ? "not-met" : "step") : show;
        if (!shown.equals("step") && !SHOWN.contains(shown)) {
            throw new InvalidFields("show", "must be one of " + String.join(", ", SHOWN));
        }
        Integer stepShown = step == null || step.isBlank() ? null : step(step);
        Predicate<ReportContactView> chosen = stepShown != null ? c -> c.stepsNotMet().contains(stepShown)
                : filter(shown);
        model.addAttribute("report", report);
        model.addAttribute("shown", shown);
        model.addAttribute("step", stepShown);
        model.addAttribute("rows", report.contacts().stream().filter(chosen).toList());
        model.addAttribute("period", "from=" + report.from() + "&to=" + report.to());
        model.addAttribute("query", query(report));
        return "compliance/quality";
    }

    @GetMapping("/compliance/recording-quality.csv")
    @AuditedRead
    void csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
             @RequestParam(required = false) List<String> worker, @RequestParam(required = false) String caseId,
             @RequestParam(required = false) String rows, HttpServletResponse response) throws IOException {
        QualityReportView report = find(from, to, worker, caseId);
        boolean contacts = "contacts".equals(rows);
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader("Content-Disposition", "attachment; filename=\"recording-quality-" + report.from() + "-to-"
                                                  + report.to() + (contacts ? "-contacts" : "") + ".csv\"");
        response.getWriter().write(contacts ? QualityCsv.contacts(report, dates.zone()) : QualityCsv.figures(report));
    }

    private QualityReportView find(String from, String to, List<String> workers, String caseId) {
        ReportPeriod period = ReportPeriod.of(from, to, dates.today());
        return quality.report(period.from(), period.to(), ReportPeriod.workers(workers),
                              caseId == null || caseId.isBlank() ? null : Ids.field("caseId", caseId));
    }

    private static int step(String step) {
        if (!step.matches("[1-7]")) {
            throw new InvalidFields("step", "must be a step from 1 to 7");
        }
        return Integer.parseInt(step);
    }

    private static Predicate<ReportContactView> filter(String shown) {
        return switch (shown) {
            case "met" -> c -> c.stepsNotMet().isEmpty();
            case "not-met" -> c -> !c.stepsNotMet().isEmpty();
            case "late" -> ReportContactView::late;
            case "home-visits" -> ReportContactView::homeVisit;
            case "frequency-kept" -> c -> c.homeVisit() && Boolean.TRUE.equals(c.frequencyKept());
            case "frequency-missed" -> c -> Boolean.FALSE.equals(c.frequencyKept());
            case "short-without-reason" -> c -> !c.stepsNotMet().isEmpty() && c.shortfallReason() == null;
            default -> c -> true;
        };
    }

    /** The report's own filters, to carry into each figure's link. */
    private static String query(QualityReportView report) {
        return "from=" + report.from() + "&to=" + report.to()
               + report.workers().stream().map(w -> "&worker=" + UriUtils.encodeQueryParam(w, StandardCharsets.UTF_8))
                       .collect(Collectors.joining())
               + (report.caseId() == null ? "" : "&caseId=" + report.caseId());
    }
}
