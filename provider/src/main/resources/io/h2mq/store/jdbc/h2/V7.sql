-- h2mq schema, version 7 (H2): several processes sharing the store as peers.
-- Each claimed entry carries its own lease: the process that claimed it renews lease_until while it lives; once it
-- lapses, any process may hand the entry back for redelivery. Until now a claim lasted as long as its node's row.
ALTER TABLE h2mq_entry ADD COLUMN lease_until BIGINT DEFAULT 0 NOT NULL
;
UPDATE h2mq_entry SET lease_until = COALESCE((SELECT n.alive_until FROM h2mq_node n WHERE n.id = h2mq_entry.owner), 0)
WHERE state = 1
;
CREATE INDEX h2mq_entry_lease ON h2mq_entry (state, lease_until)
;
-- Short leases on work that one process at a time does for all (handing back lapsed claims, removing what dead
-- processes left): whoever holds the row's lease does it; nobody waits for it at start-up.
CREATE TABLE h2mq_lease (
    name   VARCHAR(64) PRIMARY KEY,
    holder VARCHAR(64),
    until  BIGINT      NOT NULL
)
;
INSERT INTO h2mq_lease (name, holder, until) VALUES ('housekeeping', NULL, 0)
;
-- Client IDs in use, by the node whose connection set them: another node's connection is refused the same ID.
CREATE TABLE h2mq_client_id (
    client_id VARCHAR(1024) PRIMARY KEY,
    node      VARCHAR(64)   NOT NULL
)
;
-- Active consumers of each endpoint, per node: the subscription rules (a durable subscription in use, the last
-- consumer of a shared subscription) count the consumers of every process, not only of this one.
CREATE TABLE h2mq_consumer (
    endpoint_id BIGINT      NOT NULL,
    node        VARCHAR(64) NOT NULL,
    consumers   INT         NOT NULL,
    PRIMARY KEY (endpoint_id, node)
)
;
-- Temporary topics, by the node that created them: any process may send to one while it exists.
CREATE TABLE h2mq_temporary_topic (
    name VARCHAR(1024) PRIMARY KEY,
    node VARCHAR(64)   NOT NULL
)
;
