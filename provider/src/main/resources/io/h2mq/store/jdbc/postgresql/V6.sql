-- h2mq schema, version 6 (PostgreSQL): whether an entry's message is PERSISTENT. The claims of a node that died are
-- handed back for redelivery, except NON_PERSISTENT ones, which are dropped: their acknowledgement is not waited
-- for, so redelivering them could deliver a message twice, and NON_PERSISTENT promises at most once.
ALTER TABLE h2mq_entry ADD COLUMN persistent BOOLEAN DEFAULT TRUE NOT NULL
;
