package org.casetrail.query.pages;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetrail.audit.AuditedRead;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.security.Role;
import org.casetrail.query.action.ActionQueries;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.compliance.ComplianceQueries;
import org.casetrail.query.compliance.ComplianceViews.VisitView;
import org.casetrail.query.contact.ContactQueries;
import org.casetrail.query.guidance.GuidanceQueries;
import org.casetrail.query.session.SessionQueries;
import org.casetrail.web.Dates;
import org.casetrail.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * My work, the page a user lands on: their caseload with each case's visits, their unfinished drafts, the actions
 * they owe, and the sessions booked on their cases in the next fortnight; for a manager, also the guidance
 * waiting for an answer and the cases overdue a visit.
 */
@PageController
class MyWork {

    static final Duration AHEAD = Duration.ofDays(14);
    private static final int LIMIT = 200;

    private final CaseQueries cases;
    private final ComplianceQueries compliance;
    private final ContactQueries contacts;
    private final ActionQueries actions;
    private final SessionQueries sessions;
    private final GuidanceQueries guidance;
    private final Dates dates;

    MyWork(CaseQueries cases, ComplianceQueries compliance, ContactQueries contacts, ActionQueries actions,
           SessionQueries sessions, GuidanceQueries guidance, Dates dates) {
        this.cases = cases;
        this.compliance = compliance;
        this.contacts = contacts;
        this.actions = actions;
        this.sessions = sessions;
        this.guidance = guidance;
        this.dates = dates;
    }

    @GetMapping("/")
    @AuditedRead
    String myWork(Model model) {
        CurrentUser user = CurrentUser.require();
        List<VisitView> caseload = compliance.visitsOf(dates.today(), user.username()).items();
        Map<String, String> names = new HashMap<>();
        caseload.forEach(c -> names.put(c.caseId(), c.serviceUserName()));
        var drafts = contacts.draftsBy(user.username(), LIMIT);
        drafts.forEach(d -> names.computeIfAbsent(d.caseId(), id -> cases.header(id)
                .map(CaseQueries.CaseHeader::serviceUserName).orElse("")));
        var owed = actions.actions("OUTSTANDING", user.username(), null, dates.today(), 0, LIMIT).items();
        owed.forEach(a -> names.computeIfAbsent(a.caseId(), id -> cases.header(id)
                .map(CaseQueries.CaseHeader::serviceUserName).orElse("")));
        Instant now = Instant.now();
        model.addAttribute("caseload", caseload);
        model.addAttribute("drafts", drafts);
        model.addAttribute("actions", owed);
        List<String> caseIds = caseload.stream().map(VisitView::caseId).toList();
        model.addAttribute("sessions", sessions.upcoming(caseIds, now, now.plus(AHEAD)));
        model.addAttribute("overdueSessions", sessions.overdue(caseIds, now));
        model.addAttribute("names", names);
        if (user.role() == Role.MANAGER) {
            var waiting = guidance.requests("AWAITING", null, null).items();
            waiting.forEach(g -> names.computeIfAbsent(g.caseId(), id -> cases.header(id)
                    .map(CaseQueries.CaseHeader::serviceUserName).orElse("")));
            model.addAttribute("guidance", waiting);
            model.addAttribute("overdue", compliance.visits(dates.today()).items().stream()
                                                    .filter(VisitView::overdue).toList());
        }
        return "home/my-work";
    }
}
