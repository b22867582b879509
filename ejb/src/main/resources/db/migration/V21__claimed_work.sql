-- Background work that several nodes share is claimed in the database (issue 11 §2): no node-local state
-- decides who does what, so a node may die at any moment and another carries on.

-- A delivery being mailed is claimed for a while (a random claim id and until when): another worker takes it only
-- once the claim has run out, and the one that claimed it may mark it sent only while the claim is still its own.
alter table packet_delivery add column claim varchar(36), add column claimed_until timestamptz;
alter table packet_delivery add constraint packet_delivery_claim_whole check ((claim is null) = (claimed_until is null));
create index packet_delivery_awaiting on packet_delivery (id) where status in ('QUEUED', 'FAILED');

-- One row per scheduled job and period: the node whose insert makes the row runs the job for that period, the
-- others skip it, so a timer that every node keeps runs once across the cluster.
create table job_run (
    job          varchar(60)  not null,
    period_start timestamptz  not null,
    node         varchar(100) not null,
    started_at   timestamptz  not null,
    primary key (job, period_start)
);
