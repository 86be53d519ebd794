package org.casetrail.events.contact;

/** In what capacity someone attended a contact. */
public enum AttendeeRole {
    SERVICE_USER,
    PARENT_CARER,
    PROFESSIONAL,
    PRACTITIONER,
    OTHER
}
