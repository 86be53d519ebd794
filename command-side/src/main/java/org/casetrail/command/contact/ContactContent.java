package org.casetrail.command.contact;

import java.util.ArrayList;
import java.util.List;

import org.casetrail.command.caserecord.CaseDirectory.CaseFacts;
import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.ContactCorrectedEvent;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.events.contact.Timing;
import org.casetrail.platform.messaging.DomainRuleViolation;

/**
 * Headings 1 to 4 of a contact, and the rules on them: end not before start, linked plans from the contact's own
 * case, and what must be filled before the contact can be signed.
 */
record ContactContent(List<Attendee> attendees, Setting setting, Timing timing, Purpose purpose,
                      String description) {

    ContactContent {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    static ContactContent empty() {
        return new ContactContent(List.of(), null, null, null, null);
    }

    ContactContent withAttendees(List<Attendee> value) {
        return new ContactContent(value, setting, timing, purpose, description);
    }

    ContactContent withSetting(Setting value) {
        return new ContactContent(attendees, value, timing, purpose, description);
    }

    ContactContent withTiming(Timing value) {
        return new ContactContent(attendees, setting, value, purpose, description);
    }

    ContactContent withPurpose(Purpose value) {
        return new ContactContent(attendees, setting, timing, value, description);
    }

    ContactContent withDescription(String value) {
        return new ContactContent(attendees, setting, timing, purpose, value);
    }

    /** This content with the one section the correction carries replaced. */
    ContactContent corrected(ContactCorrectedEvent event) {
        return switch (event.section()) {
            case ATTENDEES -> withAttendees(event.attendees());
            case SETTING -> withSetting(event.setting());
            case TIMING -> withTiming(event.timing());
            case PURPOSE -> withPurpose(event.purpose());
            case DESCRIPTION -> withDescription(event.description());
        };
    }

    /** Whether {@code value} carries the section named (and only that one). */
    boolean carriesOnly(ContactSection section) {
        boolean hasAttendees = !attendees.isEmpty();
        return switch (section) {
            case ATTENDEES -> hasAttendees && setting == null && timing == null && purpose == null && description == null;
            case SETTING -> setting != null && !hasAttendees && timing == null && purpose == null && description == null;
            case TIMING -> timing != null && !hasAttendees && setting == null && purpose == null && description == null;
            case PURPOSE -> purpose != null && !hasAttendees && setting == null && timing == null && description == null;
            case DESCRIPTION -> description != null && !hasAttendees && setting == null && timing == null && purpose == null;
        };
    }

    static void requireOrdered(Timing timing) {
        if (timing != null && timing.endedAt() != null && timing.startedAt() != null
                && timing.endedAt().isBefore(timing.startedAt())) {
            throw new DomainRuleViolation("END_BEFORE_START", "A contact cannot end before it starts");
        }
    }

    static void requirePlansOf(CaseFacts facts, Purpose purpose) {
        if (purpose == null) {
            return;
        }
        for (String planId : purpose.linkedPlanIds()) {
            if (!facts.planIds().contains(planId)) {
                throw new DomainRuleViolation("PLAN_NOT_IN_CASE",
                        "Plan " + planId + " is not an assessment or plan of this contact's case");
            }
        }
    }

    /** The headings (1 to 4) still empty; a contact is signed only when there are none. */
    List<String> missingForFinalisation() {
        List<String> missing = new ArrayList<>();
        if (attendees.isEmpty()) {
            missing.add("attendees");
        }
        if (setting == null || timing == null || timing.startedAt() == null || timing.endedAt() == null) {
            missing.add("where and when (setting, start and end)");
        }
        if (purpose == null || blank(purpose.text())) {
            missing.add("purpose");
        }
        if (blank(description)) {
            missing.add("what took place (description)");
        }
        return missing;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
