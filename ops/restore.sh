#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into an empty database, all of it or nothing.
set -euo pipefail
SCRIPT=ops/restore.sh
. "$(dirname "$0")/lib/db.sh"

usage() {
    cat <<'USAGE'
Usage: ops/restore.sh <file> [database]

Restores the backup <file> (made by ops/backup.sh) into [database], by default IOP_DB_NAME. The database
must be empty: one that holds any table, sequence, view, function, type, extension, schema or large
object is refused and left as it is. One that does not exist is created (owned by IOP_DB_USER, UTF8) by
the administrator role. Everything is restored in one transaction — tables and rows, sequences where they
stood, Flyway's schema history, the Envers audit tables, report attachments — or, on any error, nothing
(and a database this script created is dropped again). The objects are owned by IOP_DB_USER, the role
the application connects as; grants to other roles are not restored. Then the tables are analyzed.

Point the application at the restored database (IOP_DB_URL) and start it: Flyway finds its history
and migrates the schema further only if the application is newer than the backup.

Reads the variables of ./run.sh and the server:
  IOP_DB_HOST (127.0.0.1), IOP_DB_PORT (5432), IOP_DB_NAME (iop)
                     where they are not set, taken from IOP_DB_URL (jdbc:postgresql://host:port/name)
  IOP_DB_USER (iop), IOP_DB_PASSWORD (iop)
                     the application's role: it restores, and owns what is restored
  IOP_DB_ADMIN_USER (postgres), IOP_DB_ADMIN_PASSWORD (empty)
                     only to create a database that does not exist yet

Needs pg_restore and psql (PATH or /usr/lib/postgresql/*/bin) as new as the pg_dump that made the file.

Exit status: 0 restored; 1 failed (nothing restored); 2 wrong use; 3 the database is not empty (refused).
USAGE
}

first_argument "name the backup file to restore" "$@"
[ $# -le 2 ] || fail_usage "a file and at most a database name, nothing else"
FILE=$1
db_settings
TARGET=${2:-$DB_NAME}
[ -n "$TARGET" ] || fail_usage "the database name is empty"
db_tools

[ -f "$FILE" ] && [ -r "$FILE" ] || { echo "$SCRIPT: cannot read the file $FILE" >&2; exit 1; }
if ! TOC=$("$PG_RESTORE" --list "$FILE" 2>&1); then
    echo "$SCRIPT: $FILE is not a backup pg_restore can read (custom format, from ops/backup.sh); nothing restored:" >&2
    echo "$TOC" | sed 's/^/    /' >&2
    exit 1
fi
if ! holds_iop "$TOC"; then
    echo "$SCRIPT: $FILE holds no IOP database (no Flyway schema history in it); nothing restored." >&2
    exit 1
fi

CREATED=no
DONE=no
cleanup() {
    if [ "$DONE" = no ] && [ "$CREATED" = yes ]; then
        if DB_AS=admin db_psql postgres -v db="$TARGET" > /dev/null 2>&1 <<'SQL'
drop database if exists :"db" with (force)
SQL
        then
            echo "$SCRIPT: dropped the database '$TARGET' it had created." >&2
        else
            echo "$SCRIPT: could not drop the database '$TARGET' it had created; it is empty, drop it by hand." >&2
        fi
    fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# The target: there and reachable as the application's role, or made now by the administrator.
if ! PROBE=$(db_psql "$TARGET" 2>&1 <<<"select 1"); then
    if ! EXISTS=$(DB_AS=admin db_psql postgres -v db="$TARGET" 2>&1 <<'SQL'
select count(*) from pg_database where datname = :'db'
SQL
    ); then
        echo "$SCRIPT: cannot connect to $(where "$TARGET") as '$DB_USER':" >&2
        echo "$PROBE" | sed 's/^/    /' >&2
        echo "  nor as the administrator '$DB_ADMIN_USER' to create it:" >&2
        echo "$EXISTS" | sed 's/^/    /' >&2
        exit 1
    fi
    if [ "$EXISTS" != 0 ]; then
        echo "$SCRIPT: $(where "$TARGET") exists, but '$DB_USER' cannot connect to it:" >&2
        echo "$PROBE" | sed 's/^/    /' >&2
        exit 1
    fi
    if ! OUT=$(DB_AS=admin db_psql postgres -v db="$TARGET" -v owner="$DB_USER" 2>&1 <<'SQL'
create database :"db" owner :"owner" encoding 'UTF8' template template0
SQL
    ); then
        echo "$SCRIPT: could not create $(where "$TARGET") owned by '$DB_USER':" >&2
        echo "$OUT" | sed 's/^/    /' >&2
        exit 1
    fi
    CREATED=yes
    echo "Created $(where "$TARGET"), owned by '$DB_USER'"
fi

# Empty means nothing of anyone's in it: a restore over something would mix two installations.
if ! FOUND=$(db_psql "$TARGET" 2>&1 <<'SQL'
with mine as (select oid from pg_namespace
              where nspname not in ('pg_catalog', 'information_schema') and nspname !~ '^pg_(toast|temp)'),
found as (
    select 'relation ' || n.nspname || '.' || c.relname as what
      from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relnamespace in (select oid from mine)
    union all
    select 'function ' || p.oid::regprocedure::text from pg_proc p where p.pronamespace in (select oid from mine)
    union all
    select 'type ' || t.oid::regtype::text from pg_type t
     where t.typnamespace in (select oid from mine) and t.typtype in ('e', 'd', 'r', 'm')
    union all
    select 'schema ' || nspname from pg_namespace where oid in (select oid from mine) and nspname <> 'public'
    union all
    select 'extension ' || extname from pg_extension where extname <> 'plpgsql'
    union all
    select 'large object ' || oid from pg_largeobject_metadata)
select count(*) || ' ' || coalesce(string_agg(what, ', ') filter (where n <= 5), '')
  from (select what, row_number() over (order by what) as n from found) f
SQL
); then
    echo "$SCRIPT: cannot look into $(where "$TARGET"):" >&2
    echo "$FOUND" | sed 's/^/    /' >&2
    exit 1
fi
COUNT=${FOUND%% *}
if [ "$COUNT" != 0 ]; then
    echo "$SCRIPT: $(where "$TARGET") is not empty ($COUNT objects, e.g. ${FOUND#* }); nothing restored." >&2
    echo "  Restore into a new or an empty database (ops/restore.sh $FILE <new name>) and point IOP_DB_URL at it." >&2
    exit 3
fi

echo "Restoring $FILE into $(where "$TARGET") as '$DB_USER', in one transaction"
if ! PGPASSWORD=$DB_PASSWORD "$PG_RESTORE" --no-password --single-transaction --exit-on-error --no-owner --no-privileges \
        -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$TARGET" "$FILE"; then
    echo "$SCRIPT: pg_restore failed (its message above); the transaction was rolled back, nothing restored." >&2
    exit 1
fi
DONE=yes
# pg_restore brings no planner statistics: gather them before the application's first queries.
db_psql "$TARGET" > /dev/null <<'SQL'
select format('analyze %I.%I', schemaname, tablename) from pg_tables where tableowner = current_user \gexec
SQL
SUMMARY=$(db_psql "$TARGET" <<'SQL'
select (select version from flyway_schema_history where success and version is not null order by installed_rank desc limit 1)
       || ' ' || (select count(*) from pg_tables where schemaname = 'public')
SQL
)
echo "Restored: schema version ${SUMMARY%% *}, ${SUMMARY#* } tables, in $(where "$TARGET")"
