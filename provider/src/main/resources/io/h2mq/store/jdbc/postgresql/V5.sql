-- h2mq schema, version 5 (PostgreSQL): bytes and stream bodies of more than 256 KiB are stored apart from the
-- message's head, in a column that only the delivery or browse of that one message reads; body keeps the head
-- (headers, properties, and the body when it is small), which peeks and selectors read. NULL when the body is in the
-- head. bytea rather than a large object: the row owns it (no orphaned objects when a message is deleted), up to
-- 1 GB, and PostgreSQL keeps it out of line (TOAST) so reading the head does not read it.
ALTER TABLE h2mq_message ADD COLUMN large_body BYTEA
;
