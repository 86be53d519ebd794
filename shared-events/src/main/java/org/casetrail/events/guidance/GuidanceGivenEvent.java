package org.casetrail.events.guidance;

/**
 * A manager answered a request for guidance; the manager is the event's actor.
 *
 * @param requestId the request
 * @param guidance the guidance given
 */
public record GuidanceGivenEvent(String requestId, String guidance) {
}
