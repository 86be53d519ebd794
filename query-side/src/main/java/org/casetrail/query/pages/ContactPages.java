package org.casetrail.query.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.query.contact.ContactViews;
import org.casetrail.query.contact.ContactState;
import org.casetrail.query.contact.ContactQueries;
import org.casetrail.audit.AuditedRead;
import org.casetrail.events.action.ActionTerm;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.AttendeeRole;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.guidance.Urgency;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.Severity;
import org.casetrail.platform.messaging.NotFound;
import org.casetrail.platform.messaging.NotPermitted;
import org.casetrail.platform.security.CurrentUser;
import org.casetrail.platform.security.LocalAccounts;
import org.casetrail.platform.security.Role;
import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.Params;
import org.casetrail.query.caserecord.CaseQueries;
import org.casetrail.query.caserecord.CaseQueries.CaseHeader;
import org.casetrail.query.caserecord.CaseViews.PlanView;
import org.casetrail.query.contact.ContactViews.ContactView;
import org.casetrail.query.contact.ContactViews.VersionView;
import org.casetrail.query.web.ReadYourWrites;
import org.casetrail.web.Dates;
import org.casetrail.web.FormReader;
import org.casetrail.web.FormState;
import org.casetrail.web.YesNo;
import org.casetrail.query.quality.QualityQueries;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.web.Forms;
import org.casetrail.web.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Recording a contact in a browser: the seven headings as a task list, a page per heading, check your answers and
 * sign; and a contact as it stands, as it stood at any moment, with its history. Each form here posts to its own
 * path, where the command side takes it. A page after a write waits for the version just written
 * ({@code minVersion}) or the record just linked ({@code expect}), so it never shows the note as it was.
 */
@PageController
class ContactPages {

    private final ContactQueries contacts;
    private final CaseQueries cases;
    private final ReadYourWrites readYourWrites;
    private final LocalAccounts accounts;
    private final Dates dates;
    private final QualityQueries quality;

    ContactPages(ContactQueries contacts, CaseQueries cases, ReadYourWrites readYourWrites, LocalAccounts accounts,
                 Dates dates, QualityQueries quality) {
        this.quality = quality;
        this.contacts = contacts;
        this.cases = cases;
        this.readYourWrites = readYourWrites;
        this.accounts = accounts;
        this.dates = dates;
    }

    /** The first page of a new contact, where and when: enough to open the draft. */
    @GetMapping("/cases/{caseId}/contacts/new")
    @AuditedRead(caseId = "caseId")
    String start(@PathVariable String caseId, HttpServletRequest request, Model model) {
        String id = Ids.require("case", caseId);
        CaseHeader header = cases.header(id).orElseThrow(() -> new NotFound("case", caseId));
        if (CurrentUser.require().role() == Role.AUDITOR) {
            throw new NotPermitted("FORBIDDEN_FOR_ROLE", "An auditor records nothing");
        }
        ZonedDateTime now = ZonedDateTime.now(dates.zone());
        Map<String, Object> today = new LinkedHashMap<>();
        today.put("start-day", now.getDayOfMonth());
        today.put("start-month", now.getMonthValue());
        today.put("start-year", now.getYear());
        model.addAttribute("form", Forms.state(request).or(today));
        model.addAttribute("caseHeader", header);
        model.addAttribute("settings", SettingType.values());
        model.addAttribute("showSetting", true);
        model.addAttribute("showTiming", true);
        model.addAttribute("mode", "new");
        return "contacts/where-and-when";
    }

    @GetMapping("/contacts/{contactId}")
    @AuditedRead(recordId = "contactId")
    String contact(@PathVariable String contactId, @RequestParam(required = false) Long minVersion,
                   @RequestParam(required = false) String expect, HttpServletRequest request, Model model) {
        String id = Ids.require("contact", contactId);
        Instant asOf = asOf(request);
        String expected = expect == null ? null : Ids.canonicalOrNull(expect);
        ContactView view = asOf != null ? contacts.find(id, asOf).orElseThrow(() -> new NotFound(
                "contact as it stood then", contactId))
                : readYourWrites.until("contact", contactId, minVersion != null || expected != null,
                                       () -> contacts.find(id, null),
                                       v -> (minVersion == null || v.contact().version() >= minVersion)
                                            && (expected == null || v.linked().stream()
                                                .anyMatch(l -> l.id().equals(expected))));
        ContactState state = view.contact();
        model.addAttribute("view", view);
        model.addAttribute("c", state);
        model.addAttribute("caseHeader", cases.header(state.caseId()).orElseThrow());
        model.addAttribute("mayEdit", mayEdit(state));
        model.addAttribute("writer", CurrentUser.require().role() != Role.AUDITOR);
        model.addAttribute("plans", plans(state.caseId()));
        model.addAttribute("quality", "DISCARDED".equals(state.status()) ? null
                : quality.contact(id, asOf).orElse(null));
        if ("DRAFT".equals(state.status()) && asOf == null) {
            model.addAttribute("tasks", Tasks.of(view));
            return "contacts/task-list";
        }
        model.addAttribute("asOf", asOf);
        model.addAttribute("form", FormState.of(asOfFields(asOf)));
        model.addAttribute("history", asOf == null ? contacts.history(id).map(ContactViews.ContactHistoryView::versions)
                .orElse(List.of()) : List.of());
        model.addAttribute("sections", ContactSection.values());
        return "contacts/contact";
    }

    @GetMapping("/contacts/{contactId}/where-and-when")
    @AuditedRead(recordId = "contactId")
    String whereAndWhen(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = draft(contactId);
        heading(state, request, model, whereAndWhenValues(state), "draft");
        model.addAttribute("settings", SettingType.values());
        model.addAttribute("showSetting", true);
        model.addAttribute("showTiming", true);
        return "contacts/where-and-when";
    }

    @GetMapping("/contacts/{contactId}/attendees")
    @AuditedRead(recordId = "contactId")
    String attendees(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = draft(contactId);
        heading(state, request, model, attendeeValues(state), "draft");
        attendeeRows(model);
        return "contacts/attendees";
    }

    @GetMapping("/contacts/{contactId}/purpose")
    @AuditedRead(recordId = "contactId")
    String purpose(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = draft(contactId);
        heading(state, request, model, purposeValues(state), "draft");
        model.addAttribute("plans", plans(state.caseId()));
        return "contacts/purpose";
    }

    @GetMapping("/contacts/{contactId}/what-took-place")
    @AuditedRead(recordId = "contactId")
    String description(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = draft(contactId);
        Map<String, Object> values = new HashMap<>(childVisitValues(state));
        values.put("description", nonNull(state.description()));
        values.put("presentation", nonNull(statements(state).presentation()));
        heading(state, request, model, values, "draft");
        model.addAttribute("showDescription", true);
        model.addAttribute("showChild", state.setting().type() == SettingType.HOME);
        model.addAttribute("answers", YesNo.values());
        return "contacts/what-took-place";
    }

    /** Headings 5 to 7 when there is nothing to add under them: no new risks, guidance, no next session. */
    @GetMapping("/contacts/{contactId}/statements")
    @AuditedRead(recordId = "contactId")
    String statements(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = draft(contactId);
        heading(state, request, model, statementValues(state), "draft");
        model.addAttribute("answers", YesNo.values());
        return "contacts/statements";
    }

    private static ContactStatements statements(ContactState state) {
        return state.statements() == null ? ContactStatements.none() : state.statements();
    }

    /** The statements as their forms show them. */
    private static Map<String, Object> statementValues(ContactState state) {
        ContactStatements stated = statements(state);
        Map<String, Object> values = new HashMap<>();
        values.put("not-seen-reason", nonNull(stated.serviceUserNotSeenReason()));
        values.put("presentation", nonNull(stated.presentation()));
        if (Boolean.TRUE.equals(stated.noNewRisks())) {
            values.put("no-new-risks", "yes");
        }
        putAnswer(values, "guidance-needed", stated.guidanceNeeded());
        values.put("no-next-session-reason", nonNull(stated.noNextSessionReason()));
        values.put("version", state.version());
        return values;
    }

    /** A home visit to a child as its form shows it: each answer yes, no or blank. */
    private static Map<String, Object> childVisitValues(ContactState state) {
        ChildVisit visit = state.childVisit();
        Map<String, Object> values = new HashMap<>();
        if (visit != null) {
            putAnswer(values, "child-seen", visit.childSeen());
            putAnswer(values, "seen-alone", visit.seenAlone());
            putAnswer(values, "bedroom-seen", visit.bedroomSeen());
            values.put("wishes", nonNull(visit.wishesAndFeelings()));
        }
        return values;
    }

    private static void putAnswer(Map<String, Object> values, String field, Boolean answer) {
        if (answer != null) {
            values.put(field, YesNo.of(answer).name());
        }
    }

    @GetMapping("/contacts/{contactId}/risks/new")
    @AuditedRead(recordId = "contactId")
    String newRisk(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = writable(contactId);
        heading(state, request, model, Map.of(), "draft");
        model.addAttribute("categories", RiskCategory.values());
        model.addAttribute("aspects", RiskAspect.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("rows", Math.max(2, model.getAttribute("form") instanceof FormState f
                ? f.values("professional-name").size() + 1 : 2));
        return "contacts/risk";
    }

    @GetMapping("/contacts/{contactId}/actions/new")
    @AuditedRead(recordId = "contactId")
    String newAction(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = writable(contactId);
        heading(state, request, model, Map.of(), "draft");
        model.addAttribute("assignees", accounts.usernames());
        model.addAttribute("terms", ActionTerm.values());
        return "contacts/action";
    }

    @GetMapping("/contacts/{contactId}/guidance/new")
    @AuditedRead(recordId = "contactId")
    String newGuidance(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = writable(contactId);
        heading(state, request, model, Map.of(), "draft");
        model.addAttribute("urgencies", Urgency.values());
        return "contacts/guidance";
    }

    @GetMapping("/contacts/{contactId}/next-session/new")
    @AuditedRead(recordId = "contactId")
    String nextSession(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = writable(contactId);
        heading(state, request, model, Map.of(), "draft");
        model.addAttribute("settings", SettingType.values());
        return "contacts/next-session";
    }

    /** Check your answers: every heading as it will be signed, and what signing means. */
    @GetMapping("/contacts/{contactId}/check")
    @AuditedRead(recordId = "contactId")
    String check(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = draft(contactId);
        ContactView view = contacts.find(state.contactId(), null).orElseThrow();
        heading(state, request, model, Map.of(), "draft");
        model.addAttribute("view", view);
        model.addAttribute("tasks", Tasks.of(view));
        model.addAttribute("plans", plans(state.caseId()));
        model.addAttribute("quality", quality.contact(state.contactId(), null).orElseThrow());
        return "contacts/check";
    }

    @GetMapping("/contacts/{contactId}/discard")
    @AuditedRead(recordId = "contactId")
    String discard(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = draft(contactId);
        heading(state, request, model, Map.of(), "draft");
        return "contacts/discard";
    }

    @GetMapping("/contacts/{contactId}/addendum")
    @AuditedRead(recordId = "contactId")
    String addendum(@PathVariable String contactId, HttpServletRequest request, Model model) {
        ContactState state = signed(contactId);
        heading(state, request, model, Map.of(), "signed");
        return "contacts/addendum";
    }

    /** A correction of one heading of a signed contact: the heading's own form, its values now, and a reason. */
    @GetMapping("/contacts/{contactId}/correct/{section}")
    @AuditedRead(recordId = "contactId")
    String correct(@PathVariable String contactId, @PathVariable ContactSection section, HttpServletRequest request,
                   Model model) {
        ContactState state = signed(contactId);
        Map<String, Object> values = switch (section) {
            case ATTENDEES -> attendeeValues(state);
            case SETTING, TIMING -> whereAndWhenValues(state);
            case PURPOSE -> purposeValues(state);
            case DESCRIPTION -> Map.of("description", nonNull(state.description()));
            case CHILD_VISIT -> childVisitValues(state);
            case STATEMENTS -> statementValues(state);
        };
        heading(state, request, model, values, "correct");
        model.addAttribute("section", section);
        model.addAttribute("settings", SettingType.values());
        model.addAttribute("showSetting", section == ContactSection.SETTING);
        model.addAttribute("showTiming", section == ContactSection.TIMING);
        model.addAttribute("showDescription", section == ContactSection.DESCRIPTION);
        model.addAttribute("showChild", section == ContactSection.CHILD_VISIT);
        model.addAttribute("answers", YesNo.values());
        model.addAttribute("plans", plans(state.caseId()));
        attendeeRows(model);
        return switch (section) {
            case ATTENDEES -> "contacts/attendees";
            case SETTING, TIMING -> "contacts/where-and-when";
            case PURPOSE -> "contacts/purpose";
            case DESCRIPTION, CHILD_VISIT -> "contacts/what-took-place";
            case STATEMENTS -> "contacts/statements";
        };
    }

    /**
     * The stale-edit page (409): someone else changed the contact after this user loaded it. It shows what changed
     * since, and leads back to the user's form, where what they typed is waiting.
     */
    @GetMapping("/contacts/{contactId}/changed")
    @AuditedRead(recordId = "contactId")
    ModelAndView changed(@PathVariable String contactId, @RequestParam(required = false) Long since,
                         HttpServletRequest request) {
        String id = Ids.require("contact", contactId);
        ContactState state = contacts.find(id, null).orElseThrow(() -> new NotFound("contact", contactId))
                                     .contact();
        long loaded = since == null ? 0 : since;
        List<VersionView> newer = contacts.history(id).map(ContactViews.ContactHistoryView::versions)
                .orElse(List.of()).stream().filter(v -> v.version() > loaded).toList();
        var page = new ModelAndView("contacts/changed");
        page.addObject("c", state);
        page.addObject("caseHeader", cases.header(state.caseId()).orElseThrow());
        page.addObject("newer", newer);
        page.addObject("back", Forms.keptPath(request));
        page.setStatus(HttpStatus.CONFLICT);
        return page;
    }

    private void heading(ContactState state, HttpServletRequest request, Model model, Map<String, Object> values,
                         String mode) {
        model.addAttribute("c", state);
        model.addAttribute("caseHeader", cases.header(state.caseId()).orElseThrow());
        FormState form = Forms.state(request).or(values).with("version", state.version());
        // What the user typed is compared with the record as it is now, not as it was when they loaded the form.
        for (String shown : List.of("shown-setting", "shown-timing")) {
            if (values.containsKey(shown)) {
                form = form.with(shown, values.get(shown));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("mode", mode);
    }

    private void attendeeRows(Model model) {
        FormState form = (FormState) model.getAttribute("form");
        int named = form == null ? 0 : form.values("attendee-name").size();
        model.addAttribute("rows", Math.max(2, named + 1));
        model.addAttribute("roles", AttendeeRole.values());
    }

    private List<PlanView> plans(String caseId) {
        return cases.find(caseId).map(c -> c.plans()).orElse(List.of());
    }

    /** A draft the signed-in user may edit: its author or a manager. */
    private ContactState draft(String contactId) {
        ContactState state = writable(contactId);
        if (!"DRAFT".equals(state.status())) {
            throw new org.casetrail.platform.messaging.DomainRuleViolation(
                    "FINALISED".equals(state.status()) ? "CONTACT_FINALISED" : "CONTACT_DISCARDED",
                    "The contact is no longer a draft");
        }
        if (!mayEdit(state)) {
            throw new NotPermitted("NOT_AUTHOR", "Only the author or a manager may change this contact");
        }
        return state;
    }

    private ContactState signed(String contactId) {
        ContactState state = writable(contactId);
        if (!"FINALISED".equals(state.status())) {
            throw new org.casetrail.platform.messaging.DomainRuleViolation("CONTACT_NOT_FINALISED",
                                                                           "The contact is not signed");
        }
        return state;
    }

    private ContactState writable(String contactId) {
        String id = Ids.require("contact", contactId);
        if (CurrentUser.require().role() == Role.AUDITOR) {
            throw new NotPermitted("FORBIDDEN_FOR_ROLE", "An auditor changes nothing");
        }
        return contacts.find(id, null).orElseThrow(() -> new NotFound("contact", contactId)).contact();
    }

    private static boolean mayEdit(ContactState state) {
        CurrentUser user = CurrentUser.require();
        return user.role() == Role.MANAGER
               || user.role() == Role.PRACTITIONER && user.username().equals(state.author());
    }

    private Map<String, Object> whereAndWhenValues(ContactState state) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("setting", state.setting().type().name());
        values.put("location", nonNull(state.setting().location()));
        ZonedDateTime start = state.startedAt().atZone(dates.zone());
        values.put("start-day", start.getDayOfMonth());
        values.put("start-month", start.getMonthValue());
        values.put("start-year", start.getYear());
        values.put("start-time", dates.time(state.startedAt()));
        values.put("end-time", dates.time(state.endedAt()));
        values.put("shown-setting", state.setting().type() + "|" + nonNull(state.setting().location()));
        values.put("shown-timing", state.startedAt() + "|" + state.endedAt());
        values.put("version", state.version());
        return values;
    }

    private static Map<String, Object> attendeeValues(ContactState state) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Attendee> attendees = state.attendees() == null ? List.of() : state.attendees();
        values.put("attendee-name", attendees.stream().map(Attendee::name).toList());
        values.put("attendee-role", attendees.stream().map(a -> a.role().name()).toList());
        values.put("attendee-organisation", attendees.stream().map(a -> nonNull(a.organisation())).toList());
        values.put("attendee-contact", attendees.stream().map(a -> nonNull(a.contactDetails())).toList());
        values.put("not-seen-reason", nonNull(statements(state).serviceUserNotSeenReason()));
        values.put("version", state.version());
        return values;
    }

    private static Map<String, Object> purposeValues(ContactState state) {
        Map<String, Object> values = new LinkedHashMap<>();
        var purpose = state.purpose();
        values.put("purpose", purpose == null ? "" : nonNull(purpose.text()));
        values.put("plans", purpose == null || purpose.linkedPlanIds() == null ? List.of() : purpose.linkedPlanIds());
        values.put("intervention", purpose == null ? "" : nonNull(purpose.intervention()));
        values.put("theory", purpose == null ? "" : nonNull(purpose.theory()));
        values.put("version", state.version());
        return values;
    }

    /** "As it stood at": a date and a time in the user's zone, from the picker on the contact page. */
    private Instant asOf(HttpServletRequest request) {
        if (request.getParameter("asOf") != null) {
            return Params.instant("asOf", request.getParameter("asOf"));
        }
        if (request.getParameter("at-day") == null && request.getParameter("at-time") == null) {
            return null;
        }
        FormReader form = new FormReader(request);
        LocalDate day = form.date("at", "The date", true);
        LocalTime time = Optional.ofNullable(form.time("at-time", "The time", false)).orElse(LocalTime.of(23, 59));
        if (form.failed()) {
            throw new org.casetrail.platform.web.InvalidFields("at", form.errors().get(0).message());
        }
        // A time to the minute means all of that minute; one to the second means that second.
        Instant at = day.atTime(time).atZone(dates.zone()).toInstant();
        return time.getSecond() == 0 ? at.plusSeconds(59).plusMillis(999) : at.plusMillis(999);
    }

    private Map<String, Object> asOfFields(Instant asOf) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (asOf != null) {
            ZonedDateTime at = asOf.atZone(dates.zone());
            values.put("at-day", at.getDayOfMonth());
            values.put("at-month", at.getMonthValue());
            values.put("at-year", at.getYear());
            values.put("at-time", dates.time(asOf));
        }
        return values;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** The task list's statuses: headings 1 to 4 must be complete to sign; 5 to 7 say what has been added. */
    public record Tasks(boolean attendees, boolean whereAndWhen, boolean purpose, boolean description, long risks,
                        long actions, long guidance, long sessions, boolean statements) {

        static Tasks of(ContactView view) {
            ContactState c = view.contact();
            // Signing needs an end time as well as a start (the contact rule); without it the heading is in progress.
            return new Tasks(c.attendees() != null && !c.attendees().isEmpty(),
                             c.setting() != null && c.startedAt() != null && c.endedAt() != null,
                             c.purpose() != null && c.purpose().text() != null, c.description() != null,
                             count(view, "RISK"), count(view, "ACTION"), count(view, "GUIDANCE"),
                             count(view, "SESSION"), c.statements() != null
                                     && (c.statements().noNewRisks() != null || c.statements().guidanceNeeded() != null
                                         || c.statements().noNextSessionReason() != null));
        }

        public boolean readyToSign() {
            return attendees && whereAndWhen && purpose && description;
        }

        public int completed() {
            return (attendees ? 1 : 0) + (whereAndWhen ? 1 : 0) + (purpose ? 1 : 0) + (description ? 1 : 0);
        }

        private static long count(ContactView view, String type) {
            return view.linked().stream().filter(l -> l.type().equals(type)).count();
        }
    }
}
