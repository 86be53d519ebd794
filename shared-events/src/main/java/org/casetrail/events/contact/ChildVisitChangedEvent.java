package org.casetrail.events.contact;

/**
 * A draft's record of a child's home visit (seen, seen alone, bedroom seen, wishes and feelings) was changed.
 *
 * @param contactId  the contact
 * @param childVisit what is now recorded
 */
public record ChildVisitChangedEvent(String contactId, ChildVisit childVisit) implements ContactContentChange {

    @Override
    public ContactContent applyTo(ContactContent before) {
        return before.withChildVisit(childVisit);
    }
}
