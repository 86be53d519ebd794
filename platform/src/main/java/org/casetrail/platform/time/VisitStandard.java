package org.casetrail.platform.time;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How often a case needs a home visit, by its plan type's standard or its plan's own frequency: "10 working days", "20 working days", "6 weeks", "1 month", "14 days". */
public record VisitStandard(int amount, Unit unit) {

    public enum Unit { WORKING_DAYS, DAYS, WEEKS, MONTHS }

    private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\s+(working days?|days?|weeks?|months?)");

    /** The standard written as {@code text}; an IllegalArgumentException saying how to write it when it is not one. */
    public static VisitStandard parse(String text) {
        Matcher matcher = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a visit standard: '" + text
                    + "' (write e.g. '10 working days', '6 weeks', '1 month')");
        }
        String unit = matcher.group(2);
        return new VisitStandard(Integer.parseInt(matcher.group(1)),
                unit.startsWith("working") ? Unit.WORKING_DAYS : unit.startsWith("day") ? Unit.DAYS
                        : unit.startsWith("week") ? Unit.WEEKS : Unit.MONTHS);
    }

    /** The last day the next home visit may take place, after one on {@code last}. */
    public LocalDate nextDue(LocalDate last, WorkingCalendar calendar) {
        return switch (unit) {
            case WORKING_DAYS -> calendar.plusWorkingDays(last, amount);
            case DAYS -> last.plusDays(amount);
            case WEEKS -> last.plusWeeks(amount);
            case MONTHS -> last.plusMonths(amount);
        };
    }

    /** The standard written the one way it is stored: "1 week", "10 working days". */
    public String text() {
        String name = unit.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
    }

    public String describe() {
        return "a home visit every " + text();
    }
}
