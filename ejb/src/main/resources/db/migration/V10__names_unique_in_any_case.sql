-- Phases of an agreement, lines of a phase and committees of a municipality are told apart by name in
-- any case (the services refuse "fas 1" beside "Fas 1", and the cost import finds a line by its name in
-- any case): the database holds the same rule, so two requests at the same moment cannot break it.
alter table phase drop constraint phase_agreement_id_name_key;
create unique index phase_name_once on phase (agreement_id, lower(name));

alter table budget_line drop constraint budget_line_phase_id_name_key;
create unique index budget_line_name_once on budget_line (phase_id, lower(name));

alter table committee drop constraint committee_organisation_id_name_key;
create unique index committee_name_once on committee (organisation_id, lower(name));
