package org.casetrail.events.contact;

/**
 * What a home visit to a child must record (statutory visits, Working Together): whether the child was seen, seen
 * alone, and their bedroom seen, and the child's wishes and feelings in their own words. Part of heading 4, what
 * took place; optional for adults' services. Each answer may be null while a draft is being written.
 *
 * @param childSeen         whether the child was seen
 * @param seenAlone         whether the child was seen alone (only when seen)
 * @param bedroomSeen       whether the child's bedroom was seen
 * @param wishesAndFeelings the child's wishes and feelings, in their own words
 */
public record ChildVisit(Boolean childSeen, Boolean seenAlone, Boolean bedroomSeen, String wishesAndFeelings) {

    /** What is still to be said before a child's home visit can be signed, in words; empty when complete. */
    public java.util.List<String> missing() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (childSeen == null) {
            missing.add("whether the child was seen");
            return missing;
        }
        if (childSeen) {
            if (seenAlone == null) {
                missing.add("whether the child was seen alone");
            }
            if (wishesAndFeelings == null || wishesAndFeelings.isBlank()) {
                missing.add("the child's wishes and feelings");
            }
        }
        if (bedroomSeen == null) {
            missing.add("whether the child's bedroom was seen");
        }
        return missing;
    }
}
