package org.casetrail.events.significance;

/**
 * A practitioner or manager marked a contact or follow-up as a significant event in the case's chronology, with
 * its impact on the child (Practice Direction 12A's significance column), or withdrew that mark. Who and when are
 * the event's actor and time; the latest mark of an item stands, and the earlier ones stay readable as of their
 * time.
 *
 * @param markId      the mark's id (one per item, derived from the item's id)
 * @param caseId      the item's case
 * @param itemType    CONTACT, RISK, ACTION, GUIDANCE or SESSION
 * @param itemId      the contact or follow-up marked
 * @param significant whether it is significant (false withdraws an earlier mark)
 * @param impact      its impact on the child, in words; null when the mark is withdrawn
 */
public record SignificanceMarkedEvent(String markId, String caseId, String itemType, String itemId,
                                      boolean significant, String impact) {
}
