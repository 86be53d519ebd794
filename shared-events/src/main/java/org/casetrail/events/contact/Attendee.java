package org.casetrail.events.contact;

/**
 * Someone who attended a contact (heading 1).
 *
 * @param name           their name
 * @param role           in what capacity they attended
 * @param organisation   their organisation, for professionals from other agencies; may be null
 * @param contactDetails how to reach them, where applicable; may be null
 */
public record Attendee(String name, AttendeeRole role, String organisation, String contactDetails) {
}
