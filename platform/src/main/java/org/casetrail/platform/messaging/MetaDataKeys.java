package org.casetrail.platform.messaging;

/**
 * Names of the metadata every event message carries. Projections and the audit trail read them, so they are as
 * lasting as the events themselves.
 */
public final class MetaDataKeys {

    /** User name of the signed-in user who acted. */
    public static final String ACTOR = "actor";
    /** The acting user's role at the time: PRACTITIONER, MANAGER or AUDITOR. */
    public static final String ACTOR_ROLE = "actorRole";
    /** The address the request came from. */
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** The name of the command that caused an event, e.g. {@code FinaliseContactCommand}. */
    public static final String COMMAND = "command";
    /**
     * The id shared by everything one HTTP request caused; returned to the client as {@code X-Correlation-Id}.
     * (Axon's own {@code correlationId} and {@code traceId} name the causing message instead.)
     */
    public static final String REQUEST_ID = "requestId";
    /**
     * The case an event belongs to, on every event an aggregate applies (a contact's edits and its follow-ups name
     * only themselves in their payload): the projections keep each case's events in order by it.
     */
    public static final String CASE_ID = "caseId";

    private MetaDataKeys() {
    }
}
