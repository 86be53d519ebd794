package org.casetrail.query.pages;

import java.time.Instant;

import org.casetrail.query.compliance.ComplianceQueries;
import org.casetrail.audit.AuditedRead;
import org.casetrail.web.Dates;
import org.casetrail.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The compliance report for managers: visits against each case's standard, and recording timeliness. */
@PageController
class CompliancePages {

    private final ComplianceQueries compliance;
    private final Dates dates;

    CompliancePages(ComplianceQueries compliance, Dates dates) {
        this.compliance = compliance;
        this.dates = dates;
    }

    @GetMapping("/compliance")
    @AuditedRead
    String compliance(Model model) {
        model.addAttribute("visits", compliance.visits(dates.today()));
        model.addAttribute("recording", compliance.recording(Instant.now()));
        return "compliance/compliance";
    }
}
