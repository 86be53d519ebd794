package org.casetrail.events.contact;

/**
 * Where a contact took place (heading 2, with its timing).
 *
 * @param type     the kind of setting
 * @param location the address or place; may be null
 */
public record Setting(SettingType type, String location) {
}
