package org.casetrail.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Zone arithmetic that cannot fail on a stored value. The edge refuses dates outside 1900 to a hundred years
 * ahead, but a store written before it did may hold any instant Java can: {@link Instant} reaches further than
 * {@link LocalDateTime}, so a plain {@code atZone} of such an instant throws and would stop a projection or fail a
 * read. These clamp to the furthest moment a local time can show instead, which still shows the value as extreme.
 */
public final class Times {

    private static final Instant LATEST = LocalDateTime.MAX.minusDays(1).toInstant(ZoneOffset.UTC);
    private static final Instant EARLIEST = LocalDateTime.MIN.plusDays(1).toInstant(ZoneOffset.UTC);

    private Times() {
    }

    /** The instant in the zone, clamped to the range a local date and time can hold. */
    public static ZonedDateTime at(Instant instant, ZoneId zone) {
        Instant clamped = instant.isAfter(LATEST) ? LATEST : instant.isBefore(EARLIEST) ? EARLIEST : instant;
        return clamped.atZone(zone);
    }

    /** When the day begins in the zone, for any date. */
    public static Instant startOfDay(LocalDate date, ZoneId zone) {
        LocalDate day = date.isAfter(LocalDate.MAX.minusDays(1)) ? LocalDate.MAX.minusDays(1)
                : date.isBefore(LocalDate.MIN.plusDays(1)) ? LocalDate.MIN.plusDays(1) : date;
        return day.atStartOfDay(zone).toInstant();
    }

    /** The day after, for any date (the last date there is has none, and stays as it is). */
    public static LocalDate dayAfter(LocalDate date) {
        return date.equals(LocalDate.MAX) ? date : date.plusDays(1);
    }
}
