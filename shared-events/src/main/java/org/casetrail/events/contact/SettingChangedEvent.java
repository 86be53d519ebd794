package org.casetrail.events.contact;

/**
 * A draft's setting was changed.
 *
 * @param contactId the contact
 * @param setting   the setting now recorded
 */
public record SettingChangedEvent(String contactId, Setting setting) implements ContactContentChange {

    @Override
    public ContactContent applyTo(ContactContent before) {
        return before.withSetting(setting);
    }
}
