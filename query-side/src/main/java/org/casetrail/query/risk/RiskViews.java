package org.casetrail.query.risk;

import java.time.Instant;
import java.util.List;

import org.casetrail.events.risk.Professional;
import org.casetrail.events.risk.RiskAspect;
import org.casetrail.events.risk.RiskCategory;
import org.casetrail.events.risk.Severity;

/** What the risk reads return. */
public final class RiskViews {

    private RiskViews() {
    }

    public record ReviewView(String contactId, String note, Severity severity, Severity previousSeverity,
                             Instant reviewedAt, String reviewedBy) {
    }

    public record RiskView(String riskId, String caseId, String contactId, String status, Severity severity,
                           RiskCategory category, List<RiskAspect> aspects, String description,
                           List<Professional> professionalsInvolved, Instant identifiedAt, String identifiedBy,
                           Instant closedAt, String closedBy, String closeReason, List<ReviewView> reviews,
                           long version) {

        RiskView withReviews(List<ReviewView> value) {
            return new RiskView(riskId, caseId, contactId, status, severity, category, aspects, description,
                    professionalsInvolved, identifiedAt, identifiedBy, closedAt, closedBy, closeReason, value, version);
        }
    }

    public record RiskRegisterView(String caseId, List<RiskView> items) {
    }

    /** An open risk and every contact that identified or reviewed it: where an action on it would be recorded. */
    public record OpenRisk(String caseId, String riskId, String contactId, Severity severity, String description,
                           List<String> contactIds) {
    }
}
