package org.casetrail.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.casetrail.platform.web.Ids;
import org.casetrail.platform.web.InputRules;
import org.casetrail.platform.web.InvalidFields;

/**
 * Reads a posted form under the API's input rules (text in NFC, no control characters, the same lengths and date
 * window), collecting a message in words for each field it cannot take, so a refused form can show them all at
 * once. A blank field is null; whether it was needed is the caller's to say with {@code required}.
 */
public final class FormReader {

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[:.](\\d{2}))?(?:[:.](\\d{2}))?\\s*(am|pm)?");

    private final HttpServletRequest request;
    private final List<FormState.FieldMessage> errors = new ArrayList<>();

    public FormReader(HttpServletRequest request) {
        this.request = request;
    }

    public List<FormState.FieldMessage> errors() {
        return List.copyOf(errors);
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    /** Adds a message of the caller's own, for a rule only it knows. */
    public void refuse(String field, String message) {
        errors.add(new FormState.FieldMessage(field, message));
    }

    public String text(String field, String label, int max, boolean required) {
        return text(field, label, request.getParameter(field), max, required);
    }

    /** Every value of a repeated field, blank ones as null, so rows keep their positions. */
    public List<String> texts(String field, String label, int max) {
        String[] given = request.getParameterValues(field);
        List<String> values = new ArrayList<>();
        for (int i = 0; given != null && i < given.length; i++) {
            values.add(text(field + "-" + i, label, given[i], max, false));
        }
        return values;
    }

    public <E extends Enum<E>> E choice(String field, String label, Class<E> type, boolean required) {
        String value = request.getParameter(field);
        if (value == null || value.isBlank()) {
            if (required) {
                refuse(field, "Select " + lower(label));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            refuse(field, "Select " + lower(label) + " from the list");
            return null;
        }
    }

    public <E extends Enum<E>> List<E> choices(String field, String label, Class<E> type) {
        List<E> chosen = new ArrayList<>();
        String[] values = request.getParameterValues(field);
        for (String value : values == null ? new String[0] : values) {
            try {
                chosen.add(Enum.valueOf(type, value.trim()));
            } catch (IllegalArgumentException e) {
                refuse(field, "Select " + lower(label) + " from the list");
            }
        }
        return chosen;
    }

    /**
     * A record chosen from a list (the contact a follow-up was done in, say): its id in Casetrail's form, or null
     * with {@code message} at the field when none was chosen or the value is not an id.
     */
    public String chosenId(String field, String label, String message) {
        String chosen = text(field, label, 36, false);
        String id = chosen == null ? null : Ids.canonicalOrNull(chosen);
        if (id == null) {
            refuse(field, message);
        }
        return id;
    }

    /** The values of a repeated field as given (ids chosen from a list, say). */
    public List<String> all(String field) {
        String[] values = request.getParameterValues(field);
        return values == null ? List.of() : Arrays.stream(values).filter(v -> !v.isBlank()).map(String::trim).toList();
    }

    /**
     * The version of the record the page showed when the form was loaded (a hidden field): the command expects
     * it, so a change made meanwhile by someone else is caught rather than overwritten.
     */
    public long version() {
        String text = request.getParameter("version");
        if (text != null && text.trim().matches("[1-9]\\d{0,17}")) {
            return Long.parseLong(text.trim());
        }
        refuse("main-content", "This form is out of date: open the record again and make your change there");
        return 1;
    }

    /**
     * Why a risk, action, guidance request or next session is added to a contact that is already signed (the
     * field the follow-up forms show under a signed contact); null when not given.
     */
    public String reasonAfterSigning() {
        return text("reason-after-signing", "The reason for adding it after signing", 2_000, false);
    }

    /** Every value of a repeated choice in its row's position, a blank one as null. */
    public List<String> positional(String field) {
        String[] values = request.getParameterValues(field);
        return values == null ? List.of()
                : Arrays.stream(values).map(v -> v.isBlank() ? null : v.trim()).toList();
    }

    /** A date from the GOV.UK date input's boxes, {@code field}-day, -month and -year. */
    public LocalDate date(String field, String label, boolean required) {
        String day = request.getParameter(field + "-day");
        String month = request.getParameter(field + "-month");
        String year = request.getParameter(field + "-year");
        if (blank(day) && blank(month) && blank(year)) {
            if (required) {
                refuse(field + "-day", "Enter " + lower(label));
            }
            return null;
        }
        if (blank(day) || blank(month) || blank(year)) {
            refuse(field + "-day", label + " must include a day, month and year");
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year.trim()), Integer.parseInt(month.trim()),
                                          Integer.parseInt(day.trim()));
            InputRules.date(field, date);
            return date;
        } catch (NumberFormatException | DateTimeException e) {
            refuse(field + "-day", label + " must be a real date");
        } catch (InvalidFields e) {
            refuse(field + "-year", label + " " + e.errors().get(0).message());
        }
        return null;
    }

    /** A time of day such as 14:30, 9.05, 2:30pm or, to the second, 14:30:15. */
    public LocalTime time(String field, String label, boolean required) {
        String text = request.getParameter(field);
        if (blank(text)) {
            if (required) {
                refuse(field, "Enter " + lower(label));
            }
            return null;
        }
        Matcher m = TIME.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            String half = m.group(4);
            if (half != null) {
                hour = hour >= 1 && hour <= 12 ? hour % 12 + ("pm".equals(half) ? 12 : 0) : -1;
            }
            if (hour >= 0 && hour < 24 && minute < 60 && second < 60) {
                return LocalTime.of(hour, minute, second);
            }
        }
        refuse(field, label + " must be a time, like 14:30 or 2:30pm");
        return null;
    }

    /** A date and a time, in the user's zone, as the instant they name; null unless both were read. */
    public Instant instant(String dateField, String timeField, String label, boolean required, ZoneId zone) {
        LocalDate date = date(dateField, label + " date", required);
        LocalTime time = time(timeField, label + " time", required || date != null);
        return date == null || time == null ? null : date.atTime(time).atZone(zone).toInstant();
    }

    private String text(String field, String label, String raw, int max, boolean required) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                refuse(field, "Enter " + lower(label));
            }
            return null;
        }
        String text = InputRules.textOrNull(raw.replace("\r\n", "\n"));
        if (text == null) {
            refuse(field, label + " contains characters that cannot be stored: remove them and try again");
            return null;
        }
        text = text.trim();
        if (text.length() > max) {
            refuse(field, label + " must be " + max + " characters or fewer");
            return null;
        }
        return text;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String lower(String label) {
        return label.isEmpty() ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
