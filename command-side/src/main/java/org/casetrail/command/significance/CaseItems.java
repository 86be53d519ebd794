package org.casetrail.command.significance;

/** The case of any contact or follow-up, by its type: the command handler's view of the kinds of item. */
@FunctionalInterface
interface CaseItems {

    /** The case of the item; an unknown item is a 404. */
    String caseOf(String itemType, String itemId);
}
