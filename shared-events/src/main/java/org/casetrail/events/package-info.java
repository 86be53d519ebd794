/**
 * The event contract of Casetrail: every fact the command side records and the query side projects.
 * <p>
 * A released event's class name and fields are stored forever. To change one, bump its revision and add an
 * upcaster; never rename or remove a field in place. Who acted, the client address and the recording time are
 * carried by the event message (metadata and timestamp), not by these payloads.
 */
package org.casetrail.events;
