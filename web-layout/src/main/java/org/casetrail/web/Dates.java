package org.casetrail.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.casetrail.platform.CasetrailProperties;
import org.casetrail.platform.request.TimeZones;
import org.springframework.stereotype.Component;

/**
 * Dates and times as pages write them: in the user's zone, written out ("Tuesday 1 December 2026, 14:00"). Times
 * are stored in UTC; only their display moves. Templates call it as {@code @dates}.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final ZoneId serviceZone;

    Dates(CasetrailProperties properties) {
        this.serviceZone = properties.timeZone();
    }

    /** The zone pages are shown in for the signed-in user. */
    public ZoneId zone() {
        return TimeZones.current(serviceZone);
    }

    public String at(Instant instant) {
        return instant == null ? "" : AT.format(instant.atZone(zone()));
    }

    public String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(zone()));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone()));
    }

    /** For a {@code <time datetime>} attribute: the instant with the user's offset. */
    public String machine(Instant instant) {
        return instant == null ? "" : MACHINE.format(instant.atZone(zone()));
    }

    /** For a {@code datetime-local} field. */
    public String local(Instant instant) {
        return instant == null ? "" : LocalDateTime.ofInstant(instant, zone()).withSecond(0).withNano(0).toString();
    }

    public LocalDate today() {
        return LocalDate.now(zone());
    }

    /** Whole years from a date of birth to today. */
    public int age(LocalDate dateOfBirth) {
        return dateOfBirth == null ? 0 : Period.between(dateOfBirth, today()).getYears();
    }

    /** How long ago, in the largest whole unit: "3 days", "5 hours", "under an hour". */
    public String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration age = Duration.between(instant, Instant.now());
        long days = age.toDays();
        if (days >= 1) {
            return days == 1 ? "1 day" : days + " days";
        }
        long hours = age.toHours();
        if (hours >= 1) {
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return "under an hour";
    }

    public String zoneName() {
        return zone().getId();
    }
}
