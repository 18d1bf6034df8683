-- h2mq schema, version 9 (PostgreSQL): when each endpoint's earliest entry expires, so that the housekeeping node
-- finds the endpoints holding expired messages without reading any entry, and clears them even when nobody consumes.
-- next_expiry is 0 when no entry of the endpoint expires, else a time at or before the earliest expiry of its
-- entries (a lower bound): every write lowers it in the depth update it already makes (endpoint.depth.add), and
-- only the sweep of an endpoint raises it, after it cleared the expired entries and read the earliest one again.
ALTER TABLE h2mq_endpoint ADD COLUMN next_expiry BIGINT DEFAULT 0 NOT NULL
;
UPDATE h2mq_endpoint SET next_expiry = COALESCE(
    (SELECT MIN(e.expires_at) FROM h2mq_entry e WHERE e.endpoint_id = h2mq_endpoint.id AND e.expires_at <> 0), 0)
;
