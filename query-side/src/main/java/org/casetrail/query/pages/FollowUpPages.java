package org.casetrail.query.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.audit.AuditedRead;
import org.casetrail.events.caserecord.PlanKind;
import org.casetrail.events.risk.Severity;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.messaging.NotPermitted;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.security.LocalAccounts;
import org.casetrail.platform.security.Role;
import org.casetrail.platform.web.Ids;
import org.casetrail.query.action.ActionQueries;
import org.casetrail.query.action.ActionViews.ActionView;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.caserecord.CaseQueries.CaseHeader;
import org.casetrail.query.contact.ContactQueries;
import org.casetrail.query.pages.FollowUps.Field;
import org.casetrail.query.pages.FollowUps.Option;
import org.casetrail.query.pages.FollowUps.Row;
import org.casetrail.query.risk.RiskQueries;
import org.casetrail.query.risk.RiskViews.RiskView;
import org.casetrail.query.session.SessionQueries;
import org.casetrail.query.session.SessionViews.SessionView;
import org.casetrail.query.web.ReadYourWrites;
import org.casetrail.web.Dates;
import org.casetrail.web.Forms;
import org.casetrail.web.PageController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The follow-ups, a page each: complete, cancel, reassign or re-date an action; review or close a risk; move or
 * cancel a session, or record it missed or a visit with no access; add a plan to a case, close or reopen it. The
 * command side takes each form at the same path and comes back here with {@code done}, the version it wrote;
 * this page waits for it and goes on to the case.
 */
@PageController
class FollowUpPages {

    private final CaseQueries cases;
    private final ContactQueries contacts;
    private final ActionQueries actions;
    private final RiskQueries risks;
    private final SessionQueries sessions;
    private final ReadYourWrites readYourWrites;
    private final LocalAccounts accounts;
    private final MessageSource messages;
    private final Dates dates;

    FollowUpPages(CaseQueries cases, ContactQueries contacts, ActionQueries actions, RiskQueries risks,
                  SessionQueries sessions, ReadYourWrites readYourWrites, LocalAccounts accounts,
                  MessageSource messages, Dates dates) {
        this.cases = cases;
        this.contacts = contacts;
        this.actions = actions;
        this.risks = risks;
        this.sessions = sessions;
        this.readYourWrites = readYourWrites;
        this.accounts = accounts;
        this.messages = messages;
        this.dates = dates;
    }

    @GetMapping("/actions/{actionId}/{step:complete|cancel|reassign|due-date}")
    @AuditedRead(recordId = "actionId")
    String action(@PathVariable String actionId, @PathVariable String step, @RequestParam(required = false) Long done,
                  HttpServletRequest request, Model model) {
        String id = Ids.require("action", actionId);
        ActionView a = readYourWrites.await("action", actionId, done, () -> actions.find(id, dates.today()),
                                            ActionView::version);
        if (done != null) {
            return "redirect:/cases/" + a.caseId() + "#actions";
        }
        List<Row> summary = List.of(new Row("Action", a.description()), new Row("Who", a.assignee()),
                new Row("Due", dates.day(a.dueDate()) + (a.overdue() ? " (overdue)" : "")),
                new Row("Status", word("status." + a.status())));
        FollowUps page = switch (step) {
            case "complete" -> new FollowUps("Mark the action as done", caption(a.caseId()), back(a.caseId()), summary,
                    List.of(Field.select("contact", "In which contact was it done?", contactsOf(a.caseId())),
                            Field.textarea("outcome", "What was the outcome?", 10_000)),
                    "Mark as done", "OUTSTANDING".equals(a.status()));
            case "cancel" -> new FollowUps("Cancel the action", caption(a.caseId()), back(a.caseId()), summary,
                    List.of(Field.textarea("reason", "Why is it being cancelled?", 2_000)), "Cancel the action",
                    "OUTSTANDING".equals(a.status()));
            case "reassign" -> new FollowUps("Give the action to someone else", caption(a.caseId()),
                    back(a.caseId()), summary,
                    List.of(Field.select("assignee", "Who will do it now?", accounts.usernames().stream()
                                    .map(u -> new Option(u, u)).toList()),
                            Field.textarea("reason", "Why?", 2_000)), "Reassign", "OUTSTANDING".equals(a.status()));
            default -> new FollowUps("Change the due date", caption(a.caseId()), back(a.caseId()), summary,
                    List.of(Field.date("due", "When is it due now?"), Field.textarea("reason", "Why?", 2_000)),
                    "Change the due date", "OUTSTANDING".equals(a.status()));
        };
        return show(page, a.version(), request, model);
    }

    @GetMapping("/risks/{riskId}/{step:review|close}")
    @AuditedRead(recordId = "riskId")
    String risk(@PathVariable String riskId, @PathVariable String step, @RequestParam(required = false) Long done,
                HttpServletRequest request, Model model) {
        String id = Ids.require("risk", riskId);
        RiskView r = readYourWrites.await("risk", riskId, done, () -> risks.find(id), RiskView::version);
        if (done != null) {
            return "redirect:/cases/" + r.caseId() + "#risks";
        }
        List<Row> summary = List.of(new Row("Risk", r.description()),
                new Row("Severity", word("severity." + r.severity().name())),
                new Row("Status", word("status." + r.status())),
                new Row("Reviews", String.valueOf(r.reviews().size())));
        FollowUps page = "review".equals(step)
                ? new FollowUps("Review the risk", caption(r.caseId()), back(r.caseId()), summary,
                        List.of(Field.select("contact", "In which contact was it reviewed?", contactsOf(r.caseId())),
                                Field.radios("severity", "How severe is it now?", Arrays.stream(Severity.values())
                                        .map(s -> new Option(s.name(), word("severity." + s.name()))).toList()),
                                Field.textarea("note", "What did the review find?", 10_000)),
                        "Record the review", "OPEN".equals(r.status()))
                : new FollowUps("Close the risk", caption(r.caseId()), back(r.caseId()), summary,
                        List.of(Field.textarea("reason", "Why is it being closed?", 2_000)), "Close the risk",
                        "OPEN".equals(r.status()));
        return show(page, r.version(), request, model);
    }

    @GetMapping("/sessions/{sessionId}/{step:reschedule|cancel|missed|no-access}")
    @AuditedRead(recordId = "sessionId")
    String session(@PathVariable String sessionId, @PathVariable String step,
                   @RequestParam(required = false) Long done, HttpServletRequest request, Model model) {
        String id = Ids.require("session", sessionId);
        SessionView s = readYourWrites.await("session", sessionId, done, () -> sessions.find(id),
                                             SessionView::version);
        if (done != null) {
            return "redirect:/cases/" + s.caseId() + "#sessions";
        }
        List<Row> summary = List.of(new Row("When", dates.at(s.scheduledFor())),
                new Row("Where", word("setting." + s.setting().type().name())),
                new Row("Status", word("status." + s.status())));
        boolean booked = "BOOKED".equals(s.status());
        FollowUps page = switch (step) {
            case "reschedule" -> new FollowUps("Move the session", caption(s.caseId()), back(s.caseId()), summary,
                    List.of(Field.dateTime("scheduled", "When is it now?"), Field.textarea("reason", "Why?", 2_000)),
                    "Move the session", booked);
            case "cancel" -> new FollowUps("Cancel the session", caption(s.caseId()), back(s.caseId()), summary,
                    List.of(Field.textarea("reason", "Why is it being cancelled?", 2_000)), "Cancel the session",
                    booked);
            case "missed" -> new FollowUps("Record the session as missed", caption(s.caseId()), back(s.caseId()),
                    summary, List.of(Field.textarea("note", "What happened? (optional)", 10_000)),
                    "Record as missed", booked);
            default -> new FollowUps("Record a visit with no access", caption(s.caseId()), back(s.caseId()), summary,
                    List.of(Field.dateTime("attempted", "When did you try?"),
                            Field.textarea("note", "What did you see or do? (optional)", 10_000)),
                    "Record no access", booked);
        };
        return show(page, s.version(), request, model);
    }

    @GetMapping("/cases/{caseId}/{step:plans-new|close|reopen}")
    @AuditedRead(caseId = "caseId")
    String caseStep(@PathVariable String caseId, @PathVariable String step, @RequestParam(required = false) Long done,
                    HttpServletRequest request, Model model) {
        String id = Ids.require("case", caseId);
        if (!"plans-new".equals(step) && CurrentUser.require().role() != Role.MANAGER) {
            throw new NotPermitted("MANAGER_ONLY", "Only a manager closes or reopens a case");
        }
        var found = readYourWrites.await("case", caseId, done, () -> cases.find(id), c -> c.version());
        if (done != null) {
            return "redirect:/cases/" + id + ("plans-new".equals(step) ? "#plans" : "");
        }
        List<Row> summary = List.of(new Row("Service user", found.serviceUser().name()),
                new Row("Plan type", word("plan." + found.planType().name())),
                new Row("Status", word("status." + found.status())));
        FollowUps page = switch (step) {
            case "plans-new" -> new FollowUps("Add an assessment or plan", caption(id), back(id), summary,
                    List.of(Field.radios("kind", "What is it?", Arrays.stream(PlanKind.values())
                                    .map(k -> new Option(k.name(), word("planKind." + k.name()))).toList()),
                            Field.text("title", "Title", 200), Field.date("date", "Its date"),
                            Field.textarea("summary", "Summary (optional)", 10_000),
                            new Field("text", "visit-frequency", "How often does it say the person is to be visited? (optional)",
                                      "For example, 1 week or 10 working days. Leave blank to keep the plan type's standard.",
                                      List.of(), 40)),
                    "Add it", "OPEN".equals(found.status()));
            case "close" -> new FollowUps("Close the case", caption(id), back(id), summary,
                    List.of(Field.textarea("reason", "Why is it being closed?", 2_000)), "Close the case",
                    "OPEN".equals(found.status()));
            default -> new FollowUps("Reopen the case", caption(id), back(id), summary,
                    List.of(Field.textarea("reason", "Why is it being reopened?", 2_000)), "Reopen the case",
                    "CLOSED".equals(found.status()));
        };
        return show(page, found.version(), request, model);
    }

    private String show(FollowUps page, long version, HttpServletRequest request, Model model) {
        if (CurrentUser.require().role() == Role.AUDITOR) {
            throw new NotPermitted("FORBIDDEN_FOR_ROLE", "An auditor changes nothing");
        }
        model.addAttribute("page", page);
        model.addAttribute("form", Forms.state(request).or(Map.of()).with("version", version));
        return "followups/form";
    }

    /** The case's contacts that were not discarded, newest first, to say which one a follow-up belongs to. */
    private List<Option> contactsOf(String caseId) {
        List<Option> options = new ArrayList<>();
        var page = contacts.ofCase(caseId, null, 0, 500).orElseThrow(() -> new NotFound("case", caseId));
        for (var c : page.items()) {
            if (!"DISCARDED".equals(c.status())) {
                options.add(0, new Option(c.contactId(), word("setting." + c.setting().name()) + ", "
                                                         + dates.at(c.occurredAt()) + " (" + c.author() + ")"));
            }
        }
        return options;
    }

    private String caption(String caseId) {
        return cases.header(caseId).map(CaseHeader::serviceUserName).orElse("");
    }

    private static String back(String caseId) {
        return "/cases/" + caseId;
    }

    private String word(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
