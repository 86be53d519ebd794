package org.casetrail.audit;

import java.time.Instant;
import java.util.List;

import org.casetrail.audit.verify.AuditVerifier;

/** What the audit reads return. */
public final class AuditViews {

    private AuditViews() {
    }

    public record EntryView(String eventId, Instant at, String actor, String role, String clientAddress,
                            String requestId, String command, String eventType, String recordId, String caseId,
                            String summary) {
    }

    public record EntryPageView(List<EntryView> items, int page, int size) {
    }

    public record CheckpointCheck(long position, boolean matches) {
    }

    public record VerificationView(boolean verified, long events, String headHash, AuditVerifier.Break firstBreak,
                                   CheckpointCheck checkpoint, long unlinked, long tookMillis) {
    }
}
