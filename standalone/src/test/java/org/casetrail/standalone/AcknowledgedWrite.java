package org.casetrail.standalone;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A write the service acknowledged under a test's load: the record, the version it answered and the text the write
 * carried (unique to it), to be found in the event store afterwards.
 */
record AcknowledgedWrite(String recordId, long version, String text) {

    /** How many events of the record, at the version answered, carry the write's text: once is right. */
    long timesStored(JdbcTemplate db) {
        return db.queryForObject("""
                SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?
                  AND position(? in convert_from(payload, 'UTF8')) > 0""", Long.class,
                recordId, version - 1, text);
    }
}
