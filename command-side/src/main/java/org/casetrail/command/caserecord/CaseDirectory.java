package org.casetrail.command.caserecord;

import java.util.Set;

/**
 * What other aggregates may know of a case when they decide: whether it is open and which plans it holds.
 * Answers are consistent with the case's own events, never a possibly stale projection.
 */
public interface CaseDirectory {

    /** The case's facts; an unknown case is a 404. */
    CaseFacts facts(String caseId);

    /**
     * @param caseId  the case
     * @param open    whether it is open
     * @param planIds the ids of its assessments and plans
     * @param child   whether it is a child's case (child protection, child in need, looked after): its home visits
     *                record whether the child was seen
     */
    record CaseFacts(String caseId, boolean open, Set<String> planIds, boolean child) {
    }
}
