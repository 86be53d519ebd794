package org.casetrail.query.pages;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.query.guidance.GuidanceQueries;
import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.web.Ids;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.guidance.GuidanceViews.GuidanceRequestView;
import org.casetrail.query.web.ReadYourWrites;
import org.casetrail.web.Forms;
import org.casetrail.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A manager answers a practitioner's request for guidance (managers only, by the page security). */
@PageController
class GuidancePages {

    private final GuidanceQueries guidance;
    private final CaseQueries cases;
    private final ReadYourWrites readYourWrites;

    GuidancePages(GuidanceQueries guidance, CaseQueries cases, ReadYourWrites readYourWrites) {
        this.guidance = guidance;
        this.cases = cases;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/guidance/{requestId}/answer")
    @AuditedRead(recordId = "requestId")
    String answer(@PathVariable String requestId, @RequestParam(required = false) Long minVersion,
                  HttpServletRequest request, Model model) {
        String id = Ids.require("guidance request", requestId);
        GuidanceRequestView found = readYourWrites.await("guidance request", requestId, minVersion,
                                                         () -> guidance.find(id), GuidanceRequestView::version);
        model.addAttribute("g", found);
        model.addAttribute("caseHeader", cases.header(found.caseId())
                .orElseThrow(() -> new NotFound("case", found.caseId())));
        model.addAttribute("form", Forms.state(request));
        return "guidance/answer";
    }
}
