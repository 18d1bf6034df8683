-- h2mq schema, version 5 (H2): bytes and stream bodies of more than 256 KiB are stored apart from the message's head,
-- in a BLOB that only the delivery or browse of that one message reads; body keeps the head (headers, properties,
-- and the body when it is small), which peeks and selectors read. NULL when the body is in the head.
ALTER TABLE h2mq_message ADD COLUMN large_body BLOB
;
