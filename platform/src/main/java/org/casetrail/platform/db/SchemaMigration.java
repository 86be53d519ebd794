package org.casetrail.platform.db;

/**
 * One owner's Flyway migrations: the event store's, the command side's or the projections'. Each keeps its own
 * history table, so the sides can be deployed and upgraded apart against one database.
 *
 * @param name     a label for logs
 * @param order    lower runs first (the event store before anything that reads it)
 * @param schema   the schema the history table lives in, created when missing
 * @param location the classpath folder of the scripts
 */
public record SchemaMigration(String name, int order, String schema, String location) {

    /** The Axon tables: events, snapshots, tokens, dead letters. */
    public static final SchemaMigration EVENT_STORE =
            new SchemaMigration("event store", 0, "public", "classpath:db/eventstore");
}
