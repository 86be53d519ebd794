package org.casetrail.events.risk;

/**
 * A professional from another agency involved in addressing a risk.
 *
 * @param name their name
 * @param organisation their agency; may be null
 * @param role their role there; may be null
 */
public record Professional(String name, String organisation, String role) {
}
