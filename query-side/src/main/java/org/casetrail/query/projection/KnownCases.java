package org.casetrail.query.projection;

/**
 * Whether a case is known: reads scoped to a case answer 404 for one that is not. Kept by the case feature
 * ({@code caserecord}); features below it in the dependency order ask through this type, so none of them reads the
 * case tables and no cycle forms between the case feature and the features it counts.
 */
public interface KnownCases {

    boolean contains(String caseId);
}
