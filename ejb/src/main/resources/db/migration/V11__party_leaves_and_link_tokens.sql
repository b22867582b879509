-- A party leaves an agreement by an amendment, which names it; and the landlords' personal links are
-- kept as SHA-256 hashes of their tokens, with the time each link was made (they expire, IOP_LINK_DAYS).

alter table amendment add column left_party_id bigint unique references agreement_party (id);
alter table amendment_aud add column left_party_id bigint;

-- The token is 192 random bits, so a plain SHA-256 is enough (nothing to look up in a dictionary).
-- sha256() is built into PostgreSQL 11 and later; the application hashes the same UTF-8 bytes in hex.
alter table packet_delivery rename column token to token_hash;
alter table packet_delivery rename constraint packet_delivery_token_key to packet_delivery_token_hash_key;
alter table packet_delivery alter column token_hash drop not null;
update packet_delivery set token_hash = encode(sha256(convert_to(token_hash, 'UTF8')), 'hex');
alter table packet_delivery add column link_issued_at timestamptz;
-- A link made before this migration counts from when its mail went out (or was asked for).
update packet_delivery set link_issued_at = coalesce(sent_at, requested_at) where token_hash is not null;
alter table packet_delivery add constraint packet_delivery_token_hashed
    check (token_hash is null or token_hash ~ '^[0-9a-f]{64}$');
alter table packet_delivery add constraint packet_delivery_link_dated
    check ((token_hash is null) = (link_issued_at is null));
