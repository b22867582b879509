-- Private-person landlords sign in (issue 10 §1): a LANDLORD account speaks either for a housing company
-- (organisation_id, as before) or for one private landlord record (landlord_id, a landlord of kind PERSON).
-- Account.grant keeps the rule; the database holds it too, so no other path can break it.

alter table landlord add constraint landlord_id_kind unique (id, kind);

alter table account add column landlord_id bigint;
-- Always 'PERSON' beside a landlord_id: the pair must be a landlord of that kind (a company's landlord
-- record is reached through its organisation, never bound directly).
alter table account add column landlord_kind varchar(20)
    generated always as (case when landlord_id is not null then 'PERSON' end) stored;
alter table account add constraint account_landlord_id_fkey
    foreign key (landlord_id, landlord_kind) references landlord (id, kind);
alter table account add constraint account_landlord_id_check
    check (num_nonnulls(organisation_id, landlord_id) <= 1);
create index account_landlord on account (landlord_id) where landlord_id is not null;

alter table account_aud add column landlord_id bigint;

-- Over both tables, at commit (the roles are rows of account_role, written after the account):
-- a LANDLORD account has exactly one of organisation and private landlord, and no other account has a
-- private landlord.
create function account_landlord_binding() returns trigger
    language plpgsql as
$$
declare
    checked  bigint;
    bound_to bigint;
    org      bigint;
    landlord boolean;
begin
    if tg_table_name = 'account' then
        checked := case when tg_op = 'DELETE' then old.id else new.id end;
    else
        checked := case when tg_op = 'DELETE' then old.account_id else new.account_id end;
    end if;
    select a.landlord_id, a.organisation_id,
           exists (select 1 from account_role r where r.account_id = a.id and r.role = 'LANDLORD')
      into bound_to, org, landlord
      from account a where a.id = checked;
    if not found then
        return null;
    end if;
    if landlord and num_nonnulls(org, bound_to) <> 1 then
        raise exception 'account_landlord_binding: account=%', checked
            using errcode = 'check_violation', constraint = 'account_landlord_id_check', table = 'account';
    end if;
    if not landlord and bound_to is not null then
        raise exception 'account_landlord_binding: account=%', checked
            using errcode = 'check_violation', constraint = 'account_landlord_id_check', table = 'account';
    end if;
    return null;
end;
$$;

create constraint trigger account_landlord_binding
    after insert or update of landlord_id, organisation_id on account
    deferrable initially deferred
    for each row execute function account_landlord_binding();

create constraint trigger account_role_landlord_binding
    after insert or update or delete on account_role
    deferrable initially deferred
    for each row execute function account_landlord_binding();
