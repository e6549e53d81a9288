-- Extra headers of an outbox mail (e.g. RFC 8058 List-Unsubscribe / List-Unsubscribe-Post on newsletters),
-- one "Name: value" per line. NULL = none.
ALTER TABLE mail_outbox ADD COLUMN extra_headers VARCHAR(4000);
