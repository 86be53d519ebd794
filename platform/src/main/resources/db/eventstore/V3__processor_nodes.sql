-- The nodes running projection processors, each seen every few seconds (by the database's clock, so nodes' own
-- clocks do not matter): a processor's segments are shared fairly among the nodes seen lately.
CREATE TABLE processor_node (
    node    VARCHAR(255) NOT NULL,
    seen_at TIMESTAMPTZ  NOT NULL,
    CONSTRAINT processor_node_pk PRIMARY KEY (node)
);
