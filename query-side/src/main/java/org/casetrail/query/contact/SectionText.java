package org.casetrail.query.contact;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.casetrail.events.contact.Attendee;
import org.casetrail.events.contact.ChildVisit;
import org.casetrail.events.contact.ContactStatements;
import org.casetrail.events.contact.ContactSection;
import org.casetrail.events.contact.Purpose;
import org.casetrail.events.contact.Setting;
import org.casetrail.query.contact.ContactState.SectionValue;
import org.casetrail.web.Dates;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A contact's headings, changes and versions in words for the pages: a correction's before and after, a history
 * entry's changed fields. Templates call it as {@code @sectionText}.
 */
@Component("sectionText")
public class SectionText {

    /** How the statement of why the service user was not seen begins, wherever it is written. */
    public static final String NOT_SEEN = "Service user not seen because: ";
    /** How the statement of how the person presented and engaged begins, wherever it is written. */
    public static final String PRESENTED = "How they presented and engaged: ";

    private static final Map<String, String> CHANGES = Map.ofEntries(
            Map.entry("DRAFTED", "started as a draft"),
            Map.entry("ATTENDEES_CHANGED", "who was there changed"),
            Map.entry("SETTING_CHANGED", "where it took place changed"),
            Map.entry("TIMING_CHANGED", "when it took place changed"),
            Map.entry("PURPOSE_CHANGED", "the purpose changed"),
            Map.entry("DESCRIPTION_CHANGED", "what took place changed"),
            Map.entry("FINALISED", "signed"),
            Map.entry("ADDENDUM_ADDED", "an addendum added"),
            Map.entry("CORRECTED", "corrected"),
            Map.entry("DISCARDED", "discarded"),
            Map.entry("CHILD_VISIT_CHANGED", "whether the child was seen changed"),
            Map.entry("STATEMENTS_CHANGED", "the statements completing the headings changed"));
    private static final Map<String, String> FIELDS = Map.of(
            "attendees", "Who was there", "setting", "Where", "startedAt", "Started", "endedAt", "Ended",
            "purpose", "Purpose", "description", "What took place", "status", "Status", "lateEntry", "Late entry",
            "childVisit", "The child", "statements", "Statements");

    private final Dates dates;
    private final MessageSource messages;

    SectionText(Dates dates, MessageSource messages) {
        this.dates = dates;
        this.messages = messages;
    }

    /**
     * A child's home visit in brief: "Child seen alone; bedroom seen", "Child seen, not alone; bedroom not seen",
     * "Child not seen"; empty when nothing is recorded. The chronology, the pages and the bundle all say it so.
     */
    public static String childVisit(ChildVisit visit) {
        if (visit == null || visit.childSeen() == null) {
            return "";
        }
        String seen = !visit.childSeen() ? "Child not seen"
                : "Child seen" + (visit.seenAlone() == null ? "" : visit.seenAlone() ? " alone" : ", not alone");
        String bedroom = visit.bedroomSeen() == null ? "" : visit.bedroomSeen() ? "; bedroom seen" : "; bedroom not seen";
        return seen + bedroom;
    }

    /** As {@link #childVisit} with the child's wishes and feelings after it, for the record in full. */
    public static String childVisitInFull(ChildVisit visit) {
        String brief = childVisit(visit);
        String wishes = visit == null || visit.wishesAndFeelings() == null ? ""
                : "Wishes and feelings, in the child's words: " + visit.wishesAndFeelings();
        return brief.isEmpty() ? wishes : wishes.isEmpty() ? brief + "." : brief + ". " + wishes;
    }

    /**
     * The statements completing headings 1, 4, 5, 6 and 7, each with what it answers: "Service user not seen
     * because: ...; How they presented and engaged: ...; No new risks identified; ...".
     */
    public static String statements(ContactStatements stated) {
        if (stated == null || stated.isEmpty()) {
            return "(none)";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (stated.serviceUserNotSeenReason() != null) {
            parts.add(NOT_SEEN + stated.serviceUserNotSeenReason());
        }
        if (stated.presentation() != null) {
            parts.add(PRESENTED + stated.presentation());
        }
        parts.addAll(closingStatements(stated));
        return String.join("; ", parts);
    }

    /** The statements under headings 5 to 7, one sentence each: no new risks, guidance needed, no next session. */
    public static List<String> closingStatements(ContactStatements stated) {
        List<String> parts = new java.util.ArrayList<>();
        if (stated == null) {
            return parts;
        }
        if (Boolean.TRUE.equals(stated.noNewRisks())) {
            parts.add("No new risks identified");
        }
        if (stated.guidanceNeeded() != null) {
            parts.add("Manager's guidance needed: " + (stated.guidanceNeeded() ? "yes" : "no"));
        }
        if (stated.noNextSessionReason() != null) {
            parts.add("No next session arranged because: " + stated.noNextSessionReason());
        }
        return parts;
    }

    public String change(String change) {
        return CHANGES.getOrDefault(change, change.toLowerCase(Locale.ROOT).replace('_', ' '));
    }

    public String field(String field) {
        return FIELDS.getOrDefault(field, field);
    }

    /** One section's value as a reader would write it. */
    public String of(ContactSection section, SectionValue value) {
        if (value == null) {
            return "";
        }
        return switch (section) {
            case ATTENDEES -> value(value.attendees());
            case SETTING -> value(value.setting());
            case TIMING -> dates.at(value.startedAt())
                           + (value.endedAt() == null ? "" : " to " + dates.at(value.endedAt()));
            case PURPOSE -> value(value.purpose());
            case DESCRIPTION -> value(value.description());
            case CHILD_VISIT -> childVisitInFull(value.childVisit());
            case STATEMENTS -> statements(value.statements());
        };
    }

    /** A changed field's value, whatever its type (the history holds them as read back from JSON). */
    public String value(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof Instant instant) {
            return dates.at(instant);
        }
        if (value instanceof Setting setting) {
            return word("setting." + setting.type().name())
                   + (setting.location() == null ? "" : ": " + setting.location());
        }
        if (value instanceof Purpose purpose) {
            return purpose.text() == null ? "(none)" : purpose.text();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> item instanceof Attendee a
                    ? a.name() + " (" + word("role." + a.role().name()) + ")" : value(item))
                    .collect(Collectors.joining(", "));
        }
        if (value instanceof ChildVisit visit) {
            return childVisitInFull(visit);
        }
        if (value instanceof ContactStatements stated) {
            return statements(stated);
        }
        if (value instanceof Boolean flag) {
            return flag ? "yes" : "no";
        }
        if (value instanceof String text && text.matches("DRAFT|FINALISED|DISCARDED")) {
            return word("status." + text);
        }
        return value.toString();
    }

    private String word(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
