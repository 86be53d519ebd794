package org.casetrail.query.contact;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.casetrail.events.contact.Attendee;
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

    private static final Map<String, String> CHANGES = Map.of(
            "DRAFTED", "started as a draft", "ATTENDEES_CHANGED", "who was there changed",
            "SETTING_CHANGED", "where it took place changed", "TIMING_CHANGED", "when it took place changed",
            "PURPOSE_CHANGED", "the purpose changed", "DESCRIPTION_CHANGED", "what took place changed",
            "FINALISED", "signed", "ADDENDUM_ADDED", "an addendum added", "CORRECTED", "corrected",
            "DISCARDED", "discarded");
    private static final Map<String, String> FIELDS = Map.of(
            "attendees", "Who was there", "setting", "Where", "startedAt", "Started", "endedAt", "Ended",
            "purpose", "Purpose", "description", "What took place", "status", "Status", "lateEntry", "Late entry");

    private final Dates dates;
    private final MessageSource messages;

    SectionText(Dates dates, MessageSource messages) {
        this.dates = dates;
        this.messages = messages;
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
