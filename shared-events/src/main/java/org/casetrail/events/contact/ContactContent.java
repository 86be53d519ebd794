package org.casetrail.events.contact;

import java.util.ArrayList;
import java.util.List;

/**
 * What a contact says under headings 1 to 4, and the rules on it that both sides apply: which section a
 * correction carries, and what must be filled before the contact can be signed. A value: every change makes a
 * new one. {@link ContactContentChange#applyTo} is the one way events change it.
 *
 * @param attendees   heading 1; never null, may be empty
 * @param setting     heading 2, where; may be null
 * @param timing      heading 2, when; may be null
 * @param purpose     heading 3; may be null
 * @param description heading 4, what took place; may be null
 * @param childVisit  heading 4, for a home visit to a child: seen, seen alone, bedroom seen, wishes and feelings;
 *                    may be null
 * @param statements  what the practitioner states to complete headings 1, 4, 5, 6 and 7 where there is nothing
 *                    else to record under them; may be null (and is, in events from before it was asked)
 */
public record ContactContent(List<Attendee> attendees, Setting setting, Timing timing, Purpose purpose,
                             String description, ChildVisit childVisit, ContactStatements statements) {

    public ContactContent {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    public static ContactContent empty() {
        return new ContactContent(List.of(), null, null, null, null, null, null);
    }

    public ContactContent withAttendees(List<Attendee> value) {
        return new ContactContent(value, setting, timing, purpose, description, childVisit, statements);
    }

    public ContactContent withSetting(Setting value) {
        return new ContactContent(attendees, value, timing, purpose, description, childVisit, statements);
    }

    public ContactContent withTiming(Timing value) {
        return new ContactContent(attendees, setting, value, purpose, description, childVisit, statements);
    }

    public ContactContent withPurpose(Purpose value) {
        return new ContactContent(attendees, setting, timing, value, description, childVisit, statements);
    }

    public ContactContent withDescription(String value) {
        return new ContactContent(attendees, setting, timing, purpose, value, childVisit, statements);
    }

    public ContactContent withChildVisit(ChildVisit value) {
        return new ContactContent(attendees, setting, timing, purpose, description, value, statements);
    }

    public ContactContent withStatements(ContactStatements value) {
        return new ContactContent(attendees, setting, timing, purpose, description, childVisit, value);
    }

    /** The statements made, or none. */
    public ContactStatements statementsOrNone() {
        return statements == null ? ContactStatements.none() : statements;
    }

    /** This content with {@code section} taken from {@code value} and every other section kept. */
    public ContactContent replacing(ContactSection section, ContactContent value) {
        return switch (section) {
            case ATTENDEES -> withAttendees(value.attendees());
            case SETTING -> withSetting(value.setting());
            case TIMING -> withTiming(value.timing());
            case PURPOSE -> withPurpose(value.purpose());
            case DESCRIPTION -> withDescription(value.description());
            case CHILD_VISIT -> withChildVisit(value.childVisit());
            case STATEMENTS -> withStatements(value.statements());
        };
    }

    /** Whether this content sets {@code section} and nothing else, as a correction of that section must. */
    public boolean carriesOnly(ContactSection section) {
        return replacing(section, empty()).equals(empty()) && !equals(empty());
    }

    /** Whether the contact is said to end before it starts. */
    public boolean endsBeforeStart() {
        return timing != null && timing.endedAt() != null && timing.startedAt() != null
               && timing.endedAt().isBefore(timing.startedAt());
    }

    /** The headings (1 to 4) still empty, in words; a contact is signed only when there are none. */
    public List<String> missingForFinalisation() {
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
