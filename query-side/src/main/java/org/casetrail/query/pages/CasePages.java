package org.casetrail.query.pages;

import java.util.List;

import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.audit.AuditedRead;
import org.casetrail.events.caserecord.PlanType;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.security.LocalAccounts;
import org.casetrail.platform.web.Ids;
import org.casetrail.query.action.ActionQueries;
import org.casetrail.query.caserecord.CaseViews.CaseView;
import org.casetrail.query.contact.ContactQueries;
import org.casetrail.query.risk.RiskQueries;
import org.casetrail.query.session.SessionQueries;
import org.casetrail.web.Dates;
import org.casetrail.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Finding a case, and a case with everything recorded on it, tab by tab. */
@PageController
class CasePages {

    static final int PAGE_SIZE = 25;
    private static final int LIMIT = 50;
    private static final int SESSIONS = 25;
    private static final List<String> STATUSES = List.of("OPEN", "CLOSED");

    private final CaseQueries cases;
    private final ContactQueries contacts;
    private final RiskQueries risks;
    private final ActionQueries actions;
    private final SessionQueries sessions;
    private final LocalAccounts accounts;
    private final Dates dates;

    CasePages(CaseQueries cases, ContactQueries contacts, RiskQueries risks, ActionQueries actions,
              SessionQueries sessions, LocalAccounts accounts, Dates dates) {
        this.cases = cases;
        this.contacts = contacts;
        this.risks = risks;
        this.actions = actions;
        this.sessions = sessions;
        this.accounts = accounts;
        this.dates = dates;
    }

    /** The case list: search by name or reference, filter by worker, plan type and status; 25 a page. */
    @GetMapping("/cases")
    @AuditedRead
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String worker,
                @RequestParam(required = false) String planType, @RequestParam(required = false) String status,
                @RequestParam(required = false, defaultValue = "1") String page, Model model) {
        PlanType type = planType == null || planType.isBlank() ? null : planType(planType);
        String chosenStatus = status != null && STATUSES.contains(status) ? status : null;
        int number = page.matches("[1-9]\\d{0,5}") ? Integer.parseInt(page) : 1;
        String text = q == null || q.isBlank() ? null : q.trim();
        String who = worker == null || worker.isBlank() ? null : worker.trim();
        var found = cases.search(text, chosenStatus, who, type, number - 1, PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("q", text == null ? "" : text);
        model.addAttribute("worker", who == null ? "" : who);
        model.addAttribute("planType", type == null ? "" : type.name());
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus);
        model.addAttribute("page", number);
        model.addAttribute("pages", Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("planTypes", PlanType.values());
        model.addAttribute("workers", accounts.usernames());
        return "cases/list";
    }

    /**
     * A case with its tabs. Each tab is bounded, so a case with thousands of records opens as fast as a new one:
     * contacts 25 a page (the latest first), the most severe open risks, the outstanding actions, the latest sessions;
     * what is closed, done or past is counted, and all of it is in the chronology.
     */
    @GetMapping("/cases/{caseId}")
    @AuditedRead(caseId = "caseId")
    String show(@PathVariable String caseId, @RequestParam(required = false, defaultValue = "1") String page,
                Model model) {
        String id = Ids.require("case", caseId);
        CaseView found = cases.find(id).orElseThrow(() -> new NotFound("case", caseId));
        int number = page.matches("[1-9]\\d{0,5}") ? Integer.parseInt(page) : 1;
        var newest = contacts.newestOfCase(id, number - 1, PAGE_SIZE).orElseThrow();
        model.addAttribute("record", found);
        model.addAttribute("contacts", newest.items());
        model.addAttribute("page", number);
        model.addAttribute("pages", Math.max(1, (newest.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("risks", risks.mostSevereOpen(id, LIMIT));
        model.addAttribute("openRisks", risks.count(id, "OPEN"));
        model.addAttribute("closedRisks", risks.count(id, "CLOSED"));
        model.addAttribute("actions", actions.actions("OUTSTANDING", null, id, dates.today(), 0, LIMIT).items());
        model.addAttribute("doneActions", actions.actions("COMPLETED", null, id, dates.today(), 0, 0).total()
                                          + actions.actions("CANCELLED", null, id, dates.today(), 0, 0).total());
        model.addAttribute("sessions", sessions.latest(id, SESSIONS));
        return "cases/case";
    }

    private static PlanType planType(String value) {
        for (PlanType type : PlanType.values()) {
            if (type.name().equals(value)) {
                return type;
            }
        }
        return null;
    }
}
