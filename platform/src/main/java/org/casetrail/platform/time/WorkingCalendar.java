package org.casetrail.platform.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** Working days: Monday to Friday, less the configured bank holidays. */
public record WorkingCalendar(Set<LocalDate> bankHolidays) {

    public WorkingCalendar(Collection<LocalDate> bankHolidays) {
        this(Set.copyOf(bankHolidays));
    }

    public boolean isWorkingDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(date);
    }

    /** The date {@code days} working days after {@code from} (the day itself not counted). */
    public LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate date = from;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }
}
