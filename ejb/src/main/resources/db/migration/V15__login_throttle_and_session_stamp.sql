-- Failed logins, counted per account name and per client address, so that guessing passwords slows
-- down with each failure (LoginThrottle). Kept in the database rather than in one server's memory:
-- every node of a cluster sees the same counts. A name that belongs to no account is counted the same
-- way, so the throttle does not tell which accounts exist.
create table login_failure (
    key           varchar(320) primary key,
    failures      integer     not null check (failures > 0),
    last_failure  timestamptz not null,
    blocked_until timestamptz
);

-- Changed whenever an account is deactivated, its roles or organisation change or its password
-- changes: a session remembers the stamp it was opened with and ends when they differ.
alter table account add column session_stamp integer not null default 0;
