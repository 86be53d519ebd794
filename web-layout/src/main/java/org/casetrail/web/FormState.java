package org.casetrail.web;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a form shows: the values in its fields and, after a refusal, what was wrong. Values typed and posted are
 * kept (in the session, which lives in PostgreSQL) when a form is refused or the session ended while the user
 * typed, so nothing typed is lost; otherwise a page fills its fields from the record as it stands.
 *
 * @param values  the fields' values by name; a field that repeats (a list of attendees) has several
 * @param errors  what is wrong, field by field, in the order of the form
 * @param notice  a sentence for the top of the page saying why the values shown are the user's own, or null
 */
public record FormState(Map<String, List<String>> values, List<FieldMessage> errors, String notice)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** One thing wrong with the form: the field's id (for the error summary's link) and what to do about it. */
    public record FieldMessage(String field, String message) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    public FormState {
        values = copy(values);
        errors = List.copyOf(errors);
    }

    public static FormState empty() {
        return new FormState(Map.of(), List.of(), null);
    }

    /** A blank form but for these values, the record as it stands. */
    public static FormState of(Map<String, ?> values) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                lists.put(name, list.stream().map(v -> v == null ? "" : v.toString()).toList());
            } else if (value != null) {
                lists.put(name, List.of(value.toString()));
            }
        });
        return new FormState(lists, List.of(), null);
    }

    /** Whether these are values the user typed (kept after a refusal or a sign-in), not the record's. */
    public boolean kept() {
        return notice != null || !errors.isEmpty();
    }

    /** The user's kept values if there are any, else {@code record}'s. */
    public FormState or(FormState record) {
        return kept() ? this : record;
    }

    public FormState or(Map<String, ?> record) {
        return or(of(record));
    }

    /** The same, but for one field set as the record has it now (a version, say, that must never be kept). */
    public FormState with(String name, Object value) {
        Map<String, List<String>> changed = copy(values);
        changed.put(name, List.of(String.valueOf(value)));
        return new FormState(changed, errors, notice);
    }

    /** A field's value, or the empty string. */
    public String value(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? "" : list.get(0);
    }

    /** Every value of a repeated field, in order. */
    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Whether a checkbox or radio with this value was chosen. */
    public boolean chosen(String name, Object value) {
        return value != null && values(name).contains(value.toString());
    }

    public boolean hasError(String field) {
        return error(field) != null;
    }

    /** The message for a field, or null. */
    public String error(String field) {
        for (FieldMessage error : errors) {
            if (error.field().equals(field)) {
                return error.message();
            }
        }
        return null;
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name, new ArrayList<>(list)));
        return copy;
    }
}
