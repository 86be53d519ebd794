package org.casetrail.events.risk;

import java.util.List;

/**
 * A risk or vulnerability was identified in a contact (heading 5).
 *
 * @param riskId the new risk's id
 * @param caseId the case
 * @param contactId the contact it was identified in
 * @param category whose safety it concerns
 * @param aspects the aspects it touches; never null
 * @param description what the risk is
 * @param severity how serious it is judged
 * @param professionalsInvolved other agencies addressing it; never null
 * @param reasonAfterSigning why it was added to a contact already signed; null when it was raised while the
 *                           contact was a draft (older events never carry one)
 */
public record RiskIdentifiedEvent(String riskId, String caseId, String contactId, RiskCategory category,
                                  List<RiskAspect> aspects, String description, Severity severity,
                                  List<Professional> professionalsInvolved,
        String reasonAfterSigning) {
}
