package org.casetrail.query.guidance;

import java.time.Instant;
import java.util.List;

import org.casetrail.events.guidance.Urgency;

/** What the guidance reads return. */
public final class GuidanceViews {

    private GuidanceViews() {
    }

    public record GuidanceRequestView(String requestId, String caseId, String contactId, String status,
                                      Urgency urgency, String question, Instant requestedAt, String requestedBy,
                                      String guidance, String answeredBy, Instant answeredAt, long version) {
    }

    public record GuidanceQueueView(List<GuidanceRequestView> items) {
    }
}
