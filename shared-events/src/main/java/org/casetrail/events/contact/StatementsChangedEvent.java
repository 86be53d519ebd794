package org.casetrail.events.contact;

/**
 * A draft's statements completing headings 1, 4, 5, 6 and 7 were changed ({@link ContactStatements}).
 *
 * @param contactId  the contact
 * @param statements every statement as it now stands
 */
public record StatementsChangedEvent(String contactId, ContactStatements statements) implements ContactContentChange {

    @Override
    public ContactContent applyTo(ContactContent before) {
        return before.withStatements(statements);
    }
}
