package org.casetrail.audit;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InvalidFields;
import org.casetrail.web.Dates;
import org.casetrail.web.FormReader;
import org.casetrail.web.FormState;
import org.casetrail.web.Forms;
import org.casetrail.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for managers and auditors: every event and every read, filtered by case, person and dates; the
 * chain verified on request; and the latest signed checkpoint, with what an outsider needs to check it.
 */
@PageController
class AuditPages {

    private static final int PAGE_SIZE = 100;

    private final AuditQueries audit;
    private final Checkpoints checkpoints;
    private final Dates dates;

    AuditPages(AuditQueries audit, Checkpoints checkpoints, Dates dates) {
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.dates = dates;
    }

    @GetMapping("/audit")
    @AuditedRead(caseId = "caseId")
    String trail(@RequestParam(required = false) String caseId, @RequestParam(required = false) String actor,
                 @RequestParam(required = false, defaultValue = "1") String page, HttpServletRequest request,
                 Model model) {
        FormReader form = new FormReader(request);
        String id = form.text("caseId", "The case", 36, false);
        String canonical = id == null ? null : Ids.canonicalOrNull(id);
        if (id != null && canonical == null) {
            throw new InvalidFields("caseId", "The case must be a case's id, as shown in its address");
        }
        String who = form.text("actor", "The person", 255, false);
        LocalDate from = form.date("from", "The start date", false);
        LocalDate to = form.date("to", "The end date", false);
        if (form.failed()) {
            throw new InvalidFields(form.errors().get(0).field(), form.errors().get(0).message());
        }
        int number = page.matches("[1-9]\\d{0,5}") ? Integer.parseInt(page) : 1;
        Instant start = from == null ? null : from.atStartOfDay(dates.zone()).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(dates.zone()).toInstant();
        model.addAttribute("entries", audit.entries(canonical, who, start, end, number - 1, PAGE_SIZE));
        model.addAttribute("form", FormState.of(Forms.posted(request)));
        model.addAttribute("page", number);
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
        return "audit/trail";
    }

    @GetMapping("/audit/verify")
    @AuditedRead
    String verify(Model model) throws SQLException {
        model.addAttribute("result", audit.verify(null));
        model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
        return "audit/verify";
    }
}
