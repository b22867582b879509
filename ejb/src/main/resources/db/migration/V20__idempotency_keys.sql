-- Idempotency keys (issue 11): an API client's POST may carry the header Idempotency-Key, so that sending it again
-- (after a timeout, a 503, a node killed under it) never writes twice. The key's row is written in the same
-- transaction as the write it guards, together with the answer that write got: after a crash both are there or
-- neither. A second request with the key finds the row (or waits on the unique key while the first is still
-- running) and gets the stored answer. Rows live 24 hours; a row is written only for an answer 2xx.
create table idempotency_key (
    -- A key is the caller's own: another account's equal key is another row.
    account_id   bigint        not null references account (id) on delete cascade,
    idem_key     varchar(255)  not null check (idem_key ~ '^[\x20-\x7e]+$'),
    -- SHA-256 of method, path with query and body: the same key with another request is refused (422).
    request_hash bytea         not null check (length(request_hash) = 32),
    method       varchar(10)   not null,
    path         varchar(4096) not null,
    created      timestamptz   not null default now(),
    -- The answer, written before the commit: its status (2xx), the headers the API set (Content-Type, Location,
    -- ETag … one "Name: value" a line) and its body. An answer that holds a secret (Cache-Control: no-store, an API
    -- token's) is not kept: withheld, and a retry is told the first request succeeded.
    status       smallint      check (status between 200 and 299),
    headers      text,
    body         bytea,
    withheld     boolean       not null default false,
    primary key (account_id, idem_key)
);

-- The hourly clean-up deletes by age.
create index idempotency_key_created on idempotency_key (created);
