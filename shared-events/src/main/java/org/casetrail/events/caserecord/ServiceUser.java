package org.casetrail.events.caserecord;

import java.time.LocalDate;

/**
 * The person a case is about.
 *
 * @param name        the person's name as recorded on the case
 * @param dateOfBirth date of birth, used for the age column of the chronology; may be null when not known
 * @param reference   the local authority's own reference for the person; may be null
 */
public record ServiceUser(String name, LocalDate dateOfBirth, String reference) {
}
