-- h2mq schema, version 4 (PostgreSQL): the depth of each endpoint in messages and bytes, kept in the same
-- transaction as the entries it counts, so overflow policies read it with one key look-up instead of counting a
-- deep queue.
ALTER TABLE h2mq_entry ADD COLUMN size INT DEFAULT 0 NOT NULL
;
UPDATE h2mq_entry e SET size = (SELECT OCTET_LENGTH(m.body) FROM h2mq_message m WHERE m.id = e.message_id)
;
ALTER TABLE h2mq_endpoint ADD COLUMN depth BIGINT DEFAULT 0 NOT NULL
;
ALTER TABLE h2mq_endpoint ADD COLUMN depth_bytes BIGINT DEFAULT 0 NOT NULL
;
UPDATE h2mq_endpoint p SET depth = (SELECT COUNT(*) FROM h2mq_entry e WHERE e.endpoint_id = p.id),
    depth_bytes = (SELECT COALESCE(SUM(e.size), 0) FROM h2mq_entry e WHERE e.endpoint_id = p.id)
;
