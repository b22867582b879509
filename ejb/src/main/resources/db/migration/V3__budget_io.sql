-- Budget import and export; the speed of the budget summary.
-- The summary sums amounts per agreement, phase, line and partner. With the amounts carried in the
-- indexes (covering indexes, INCLUDE), PostgreSQL computes those sums from the index alone (index-only
-- scans) instead of visiting every row's table page: the same indexes as before, made covering.
drop index expense_agreement;
create index expense_agreement on expense (agreement_id, spent_on) include (amount, organisation_id);
drop index expense_line;
create index expense_line on expense (line_id) include (amount);
drop index expense_phase;
create index expense_phase on expense (phase_id) include (amount);
drop index disbursement_phase;
create index disbursement_phase on disbursement (phase_id, status) include (amount, organisation_id);
