package org.casetrail.events.contact;

/** Where a contact took place. A HOME contact counts as a home visit for the visit standards. */
public enum SettingType {
    HOME,
    SCHOOL,
    OFFICE,
    COMMUNITY,
    VIRTUAL,
    PHONE,
    OTHER
}
