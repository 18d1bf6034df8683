-- h2mq schema, version 3 (PostgreSQL): an index that walks an endpoint in delivery order whatever the entries'
-- state, so a queue browser reads a page instead of sorting the queue.
CREATE INDEX h2mq_entry_browse ON h2mq_entry (endpoint_id, priority DESC, id)
;
