-- h2mq schema, version 8 (H2): cumulative counters of each endpoint for monitoring, kept by the same update
-- that keeps its depth (endpoint.depth.add), so they cost no statement of their own and are exact across processes.
-- enqueued: entries made visible (sends, moves in); acknowledged: consumed; expired: dropped or moved to an expiry
-- queue; dead_lettered: moved to a dead-letter queue. Overflow drops and purges change the depth only.
-- Existing rows start at 0 (the column default): what happened before this version was not counted.
-- One statement, so the table is altered once.
ALTER TABLE h2mq_endpoint ADD COLUMN (
    enqueued      BIGINT DEFAULT 0 NOT NULL,
    acknowledged  BIGINT DEFAULT 0 NOT NULL,
    expired       BIGINT DEFAULT 0 NOT NULL,
    dead_lettered BIGINT DEFAULT 0 NOT NULL
)
;
