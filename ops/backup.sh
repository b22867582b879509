#!/usr/bin/env bash
# Backs up a running IOP installation: its whole database — tables, sequences, Flyway's history, the Envers
# audit tables, report attachments (stored in the database) — as one pg_dump file in custom format.
set -euo pipefail
SCRIPT=ops/backup.sh
. "$(dirname "$0")/lib/db.sh"

usage() {
    cat <<'USAGE'
Usage: ops/backup.sh <file>

Backs up IOP's database, while the application runs, into <file> (pg_dump, custom format). The file
holds everything IOP keeps: every table with its rows (report attachments are stored in the database),
sequences, Flyway's schema history and the audit history (Envers). IOP keeps no files of its own on disk;
landlord packet PDFs are made from the database when asked for. Not in it: the server's configuration
and secrets (IOP_IDENTITY_KEY, sign-in providers' client secrets), and PostgreSQL's roles.

The dump is one consistent snapshot (one transaction); the application goes on serving meanwhile.
The file is written under a temporary name and renamed when complete; an existing <file> is never
overwritten.

Reads the variables of ./run.sh and the server:
  IOP_DB_HOST (127.0.0.1), IOP_DB_PORT (5432), IOP_DB_NAME (iop)
                     where they are not set, taken from IOP_DB_URL (jdbc:postgresql://host:port/name)
  IOP_DB_USER (iop), IOP_DB_PASSWORD (iop)
                     the application's role, which owns the schema and reads all of it

Needs pg_dump, pg_restore and psql (PATH or /usr/lib/postgresql/*/bin) as new as the server or newer.
Restore with ops/restore.sh.

Exit status: 0 backed up; 1 failed (no file is left); 2 wrong use; 3 <file> exists already.
USAGE
}

first_argument "name the file to write the backup to" "$@"
[ $# -eq 1 ] || fail_usage "one file, nothing else"
FILE=$1
db_settings
db_tools
PG_DUMP=$(pg_tool pg_dump)

if [ -e "$FILE" ]; then
    echo "$SCRIPT: $FILE exists already; it is not overwritten. Name a new file." >&2
    exit 3
fi
DIR=$(dirname "$FILE")
[ -d "$DIR" ] && [ -w "$DIR" ] || { echo "$SCRIPT: cannot write into the folder $DIR" >&2; exit 1; }

# Is this an IOP database at all? (A wrong name would otherwise give a perfectly good backup of nothing.)
if ! SCHEMA=$(db_psql "$DB_NAME" 2>&1 <<'SQL'
select coalesce((select version from flyway_schema_history where success and version is not null
                  order by installed_rank desc limit 1), 'none')
SQL
); then
    echo "$SCRIPT: cannot read $(where "$DB_NAME") as '$DB_USER' — is it IOP's database, and is it up?" >&2
    echo "$SCHEMA" | sed 's/^/    /' >&2
    exit 1
fi

TMP="$FILE.partial.$$"
trap 'rm -f "$TMP"' EXIT
trap 'exit 1' INT TERM
echo "Backing up $(where "$DB_NAME") (schema version $SCHEMA) to $FILE"
if ! PGPASSWORD=$DB_PASSWORD "$PG_DUMP" --no-password --format=custom --compress=6 \
        -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" --file="$TMP"; then
    echo "$SCRIPT: pg_dump failed (its message above); no backup was written." >&2
    exit 1
fi
# The archive must read back and hold the schema's history and the data.
if ! TOC=$("$PG_RESTORE" --list "$TMP" 2>&1); then
    echo "$SCRIPT: the file pg_dump wrote does not read back: $TOC" >&2
    exit 1
fi
if ! holds_iop "$TOC"; then
    echo "$SCRIPT: the dump holds no Flyway schema history; not kept." >&2
    exit 1
fi
mv "$TMP" "$FILE"
trap - EXIT
TABLES=$(grep -c " TABLE DATA public " <<<"$TOC" || true)
SIZE=$(du -h "$FILE" | cut -f1)
echo "Backed up: $TABLES tables with their rows, sequences and history; $SIZE in $FILE"
