package org.casetrail.command.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.command.contact.ContactCommands.AddAddendumCommand;
import org.casetrail.command.contact.ContactCommands.ChangeAttendeesCommand;
import org.casetrail.command.contact.ContactCommands.ChangeChildVisitCommand;
import org.casetrail.command.contact.ContactCommands.ChangeDescriptionCommand;
import org.casetrail.command.contact.ContactCommands.ChangePurposeCommand;
import org.casetrail.command.contact.ContactCommands.ChangeStatementsCommand;
import org.casetrail.command.contact.ContactCommands.ChangeSettingCommand;
import org.casetrail.command.contact.ContactCommands.ChangeTimingCommand;
import org.casetrail.command.contact.ContactCommands.CorrectContactCommand;
import org.casetrail.command.contact.ContactCommands.DiscardContactCommand;
import org.casetrail.command.contact.ContactCommands.DraftContactCommand;
import org.casetrail.command.contact.ContactCommands.FinaliseContactCommand;
import org.casetrail.command.web.CommandDispatcher;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.AttendeeRole;
import org.casetrail.events.contact.ContactContent;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.ContactStatements.Part;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.SettingType;
import org.casetrail.events.contact.Timing;
import org.casetrail.platform.web.Ids;
import org.casetrail.web.Dates;
import org.casetrail.web.FormPost;
import org.casetrail.web.FormReader;
import org.casetrail.web.PageController;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contact's forms in a browser: the same commands as the API's contact writes, from the pages the query side
 * shows (each form posts to its own page's path). After a write the user lands on the contact, which waits for
 * the version just written.
 */
@PageController
class ContactForms {

    static final int MAX_ATTENDEES = 50;

    private final CommandDispatcher commands;
    private final ContactController checks;
    private final Dates dates;

    ContactForms(CommandDispatcher commands, ContactController checks, Dates dates) {
        this.commands = commands;
        this.checks = checks;
        this.dates = dates;
    }

    /** The first page of a new contact, where and when: enough to open the draft that the rest is saved to. */
    @PostMapping("/cases/{caseId}/contacts/new")
    String draft(@PathVariable String caseId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = Ids.require("case", caseId);
        FormPost post = timingPost(request, redirect);
        Setting setting = setting(post.form());
        Timing timing = timing(post.form());
        return post.send(() -> {
            String contactId = UUID.randomUUID().toString();
            commands.create(new DraftContactCommand(contactId, id, List.of(), setting,
                                                    checks.timing(timing.startedAt(), timing.endedAt()), null, null,
                                                    null, null, null));
            return contact(contactId, 1);
        }, "/cases/" + id);
    }

    @PostMapping("/contacts/{contactId}/where-and-when")
    String whereAndWhen(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = id(contactId);
        FormPost post = timingPost(request, redirect);
        long version = post.form().version();
        Setting setting = setting(post.form());
        Timing timing = timing(post.form());
        return post.send(() -> {
            long now = version;
            if (!Objects.equals(shown(request, "shown-setting"), settingKey(setting))) {
                now = commands.send(new ChangeSettingCommand(id, setting, now - 1));
            }
            if (!Objects.equals(shown(request, "shown-timing"), timingKey(timing))) {
                now = commands.send(new ChangeTimingCommand(id, checks.timing(timing.startedAt(), timing.endedAt()),
                                                            now - 1));
            }
            return contact(id, now);
        }, changed(id, version));
    }

    @PostMapping("/contacts/{contactId}/attendees")
    String attendees(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = id(contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("attendee-name-0");
        long version = post.form().version();
        List<Attendee> attendees = attendees(post.form());
        ContactStatements stated = statements(post.form());
        return post.send(() -> {
            long next = commands.send(new ChangeAttendeesCommand(id, attendees, version - 1));
            next = commands.send(new ChangeStatementsCommand(id, stated,
                    EnumSet.of(Part.SERVICE_USER_NOT_SEEN_REASON), next - 1));
            return contact(id, next);
        }, changed(id, version));
    }

    @PostMapping("/contacts/{contactId}/purpose")
    String purpose(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = id(contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("purpose");
        long version = post.form().version();
        Purpose purpose = purpose(post.form());
        return post.send(() -> contact(id, commands.send(new ChangePurposeCommand(id, purpose, version - 1))),
                         changed(id, version));
    }

    @PostMapping("/contacts/{contactId}/what-took-place")
    String description(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = id(contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("description");
        long version = post.form().version();
        String description = post.form().text("description", "What took place", 50_000, true);
        ChildVisit childVisit = childVisit(post.form());
        ContactStatements stated = statements(post.form());
        return post.send(() -> {
            long next = commands.send(new ChangeDescriptionCommand(id, description, version - 1));
            next = commands.send(new ChangeStatementsCommand(id, stated, EnumSet.of(Part.PRESENTATION), next - 1));
            if (childVisit != null) {
                next = commands.send(new ChangeChildVisitCommand(id, childVisit, next - 1));
            }
            return contact(id, next);
        }, changed(id, version));
    }

    /**
     * The home-visit-to-a-child questions under what took place, when the page asked them (a hidden field says
     * so): null when it did not.
     */
    private static ChildVisit childVisit(FormReader form) {
        if (form.text("child-visit", "The child visit questions", 10, false) == null) {
            return null;
        }
        Boolean seen = yesNo(form, "child-seen", "Whether the child was seen");
        Boolean alone = yesNo(form, "seen-alone", "Whether the child was seen alone");
        Boolean bedroom = yesNo(form, "bedroom-seen", "Whether the child's bedroom was seen");
        String wishes = form.text("wishes", "The child's wishes and feelings", 10_000, false);
        if (Boolean.FALSE.equals(seen) && Boolean.TRUE.equals(alone)) {
            form.refuse("seen-alone", "The child cannot have been seen alone if they were not seen");
        }
        return new ChildVisit(seen, Boolean.FALSE.equals(seen) ? null : alone, bedroom, wishes);
    }

    private static Boolean yesNo(FormReader form, String field, String label) {
        String answer = form.text(field, label, 3, false);
        if (answer == null) {
            return null;
        }
        if (!answer.equals("yes") && !answer.equals("no")) {
            form.refuse(field, "Select yes or no");
            return null;
        }
        return answer.equals("yes");
    }

    /** Headings 5 to 7 when there is nothing to add under them: no new risks, guidance needed or not, no next session. */
    @PostMapping("/contacts/{contactId}/statements")
    String statements(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = id(contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("no-new-risks");
        long version = post.form().version();
        ContactStatements stated = statements(post.form());
        return post.send(() -> contact(id, commands.send(new ChangeStatementsCommand(id, stated,
                EnumSet.of(Part.NO_NEW_RISKS, Part.GUIDANCE_NEEDED, Part.NO_NEXT_SESSION_REASON), version - 1))),
                changed(id, version));
    }

    /**
     * The statements a page asked for, read from its fields (a field the page did not show reads as not stated; the
     * command takes only the parts that page shows).
     */
    private static ContactStatements statements(FormReader form) {
        String notSeen = form.text("not-seen-reason", "Why the service user was not seen", 2_000, false);
        String presentation = form.text("presentation", "How the person presented and engaged", 10_000, false);
        boolean noNewRisks = form.all("no-new-risks").contains("yes");
        Boolean guidance = yesNo(form, "guidance-needed", "Whether a manager's guidance is needed");
        String noNext = form.text("no-next-session-reason", "Why no next session is arranged", 2_000, false);
        return new ContactStatements(notSeen, presentation, noNewRisks ? Boolean.TRUE : null, guidance, noNext);
    }

    /**
     * Check your answers, then sign: the draft is locked from here on. When the page showed steps of the recording
     * standard not met (it says how many), signing asks why: the reason is recorded with the signature.
     */
    @PostMapping("/contacts/{contactId}/check")
    String sign(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = id(contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("shortfall-reason");
        FormReader form = post.form();
        long version = form.version();
        boolean shortOfStandard = !"0".equals(Objects.requireNonNullElse(request.getParameter("steps-not-met"), "0"));
        String reason = form.text("shortfall-reason", "Why you are signing a note that falls short", 2_000,
                                  shortOfStandard);
        return post.send(() -> contact(id, commands.send(new FinaliseContactCommand(id, reason, version - 1)))
                               + "&signed", changed(id, version));
    }

    @PostMapping("/contacts/{contactId}/discard")
    String discard(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = id(contactId);
        return FormPost.of(request, redirect).reason("Why the draft is being discarded", (reason, expected) ->
                commands.send(new DiscardContactCommand(id, reason, expected)), version -> contact(id, version));
    }

    @PostMapping("/contacts/{contactId}/addendum")
    String addendum(@PathVariable String contactId, HttpServletRequest request, RedirectAttributes redirect) {
        String id = id(contactId);
        FormPost post = FormPost.of(request, redirect).summaryField("text");
        long version = post.form().version();
        String text = post.form().text("text", "The addendum", 50_000, true);
        String reason = post.form().text("reason", "The reason for the addendum", 2_000, true);
        return post.send(() -> contact(id, commands.send(new AddAddendumCommand(id, UUID.randomUUID().toString(),
                                                                                text, reason, version - 1))),
                         changed(id, version));
    }

    /** A correction of one heading of a signed contact, read from the same fields as that heading's draft page. */
    @PostMapping("/contacts/{contactId}/correct/{section}")
    String correct(@PathVariable String contactId, @PathVariable ContactSection section, HttpServletRequest request,
                   RedirectAttributes redirect) {
        String id = id(contactId);
        FormPost post = section == ContactSection.TIMING ? timingPost(request, redirect)
                : FormPost.of(request, redirect).summaryField("reason");
        FormReader form = post.form();
        long version = form.version();
        ContactContent corrected = switch (section) {
            case ATTENDEES -> ContactContent.empty().withAttendees(attendees(form));
            case SETTING -> ContactContent.empty().withSetting(setting(form));
            case TIMING -> ContactContent.empty().withTiming(timing(form));
            case PURPOSE -> ContactContent.empty().withPurpose(purpose(form));
            case DESCRIPTION -> ContactContent.empty().withDescription(
                    form.text("description", "What took place", 50_000, true));
            case CHILD_VISIT -> ContactContent.empty().withChildVisit(childVisit(form));
            case STATEMENTS -> ContactContent.empty().withStatements(statements(form));
        };
        if (section == ContactSection.STATEMENTS && corrected.statements().isEmpty()) {
            form.refuse("not-seen-reason", "State at least one thing");
        }
        if (section == ContactSection.ATTENDEES && corrected.attendees().isEmpty()) {
            form.refuse("attendee-name-0", "Enter at least one person who was there");
        }
        String reason = form.text("reason", "The reason for the correction", 2_000, true);
        return post.send(() -> {
            ContactContent checked = section == ContactSection.TIMING
                    ? ContactContent.empty().withTiming(checks.timing(corrected.timing().startedAt(),
                                                                      corrected.timing().endedAt()))
                    : corrected;
            return contact(id, commands.send(new CorrectContactCommand(id, UUID.randomUUID().toString(), section,
                                                                       checked, reason, version - 1)));
        }, changed(id, version));
    }

    private FormPost timingPost(HttpServletRequest request, RedirectAttributes redirect) {
        return FormPost.of(request, redirect).summaryField("setting")
                       .field("startedAt", "start-day").field("endedAt", "end-time");
    }

    private static Setting setting(FormReader form) {
        SettingType type = form.choice("setting", "Where it took place", SettingType.class, true);
        String location = form.text("location", "The address or place", 500, false);
        return new Setting(type, location);
    }

    /** Start and end on the day given; an end earlier in the day than the start is refused, not moved a day on. */
    private Timing timing(FormReader form) {
        LocalDate day = form.date("start", "The date it took place", true);
        LocalTime start = form.time("start-time", "The start time", true);
        LocalTime end = form.time("end-time", "The end time", false);
        Instant startedAt = day == null || start == null ? null : day.atTime(start).atZone(dates.zone()).toInstant();
        Instant endedAt = day == null || end == null ? null : day.atTime(end).atZone(dates.zone()).toInstant();
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            form.refuse("end-time", "The end time must be after the start time");
        } else if (startedAt != null && startedAt.isAfter(Instant.now().plus(ContactController.CLOCK_TOLERANCE))) {
            form.refuse("start-day", "The contact cannot be in the future: record it once it has begun");
        }
        return new Timing(startedAt, endedAt);
    }

    /** Rows of the attendee table; a row with no name is an empty or removed row and is left out. */
    private static List<Attendee> attendees(FormReader form) {
        List<String> names = form.texts("attendee-name", "The name", 200);
        List<String> roles = form.positional("attendee-role");
        List<String> organisations = form.texts("attendee-organisation", "The organisation", 200);
        List<String> contacts = form.texts("attendee-contact", "The contact details", 500);
        List<Attendee> attendees = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                continue;
            }
            AttendeeRole role = i < roles.size() ? role(roles.get(i)) : null;
            if (role == null) {
                form.refuse("attendee-role-" + i, "Select the role of " + names.get(i));
                continue;
            }
            attendees.add(new Attendee(names.get(i), role, at(organisations, i), at(contacts, i)));
        }
        if (attendees.size() > MAX_ATTENDEES) {
            form.refuse("attendee-name-0", "List at most " + MAX_ATTENDEES + " people");
        }
        return attendees;
    }

    private static Purpose purpose(FormReader form) {
        String text = form.text("purpose", "The purpose", 10_000, true);
        List<String> plans = new ArrayList<>();
        for (String plan : form.all("plans")) {
            String canonical = Ids.canonicalOrNull(plan);
            if (canonical == null) {
                form.refuse("plans", "Select plans from the list");
            } else {
                plans.add(canonical);
            }
        }
        return new Purpose(text, List.copyOf(plans), form.text("intervention", "The intervention", 2_000, false),
                           form.text("theory", "The theory or approach", 2_000, false));
    }

    private static AttendeeRole role(String value) {
        for (AttendeeRole role : AttendeeRole.values()) {
            if (role.name().equals(value)) {
                return role;
            }
        }
        return null;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }

    private static String shown(HttpServletRequest request, String field) {
        return request.getParameter(field);
    }

    static String settingKey(Setting setting) {
        return setting.type() + "|" + (setting.location() == null ? "" : setting.location());
    }

    static String timingKey(Timing timing) {
        return timing.startedAt() + "|" + timing.endedAt();
    }

    static String contact(String contactId, long version) {
        return "/contacts/" + contactId + "?minVersion=" + version;
    }

    static String changed(String contactId, long version) {
        return "/contacts/" + contactId + "/changed?since=" + version;
    }

    private static String id(String contactId) {
        return Ids.require("contact", contactId);
    }
}
