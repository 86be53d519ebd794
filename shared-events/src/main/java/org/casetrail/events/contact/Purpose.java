package org.casetrail.events.contact;

import java.util.List;

/**
 * What a contact set out to achieve, linked to the plan (heading 3).
 *
 * @param text          the purpose in the practitioner's words
 * @param linkedPlanIds the case's assessments and plans it serves; never null, may be empty
 * @param intervention  the evidence-based intervention used; may be null
 * @param theory        the theory that justifies it; may be null
 */
public record Purpose(String text, List<String> linkedPlanIds, String intervention, String theory) {
}
