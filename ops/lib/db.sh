# Sourced by ops/backup.sh and ops/restore.sh: their first argument, the database settings, read from the same
# variables as ./run.sh and the server, the PostgreSQL client programs and what makes a dump IOP's. Exit codes of
# both scripts: 0 done, 1 failed (nothing half-done is left), 2 wrong use, 3 refused (a file or a database that is
# not to be overwritten).

# The first argument, the file: --help prints the script's usage, nothing or an option is wrong use ($1: what to
# say when the file is missing; then the script's arguments).
first_argument() {
    local missing=$1
    shift
    case "${1:-}" in
        -h | --help) usage; exit 0 ;;
        "") fail_usage "$missing" ;;
        -*) fail_usage "unknown option '$1'" ;;
    esac
}

# IOP_DB_HOST, IOP_DB_PORT, IOP_DB_NAME win; where they are not set, the server's own IOP_DB_URL
# (jdbc:postgresql://host[:port]/name[?…]) names them; else the defaults of ./run.sh.
db_settings() {
    local url_host="" url_port="" url_name=""
    if [ -n "${IOP_DB_URL:-}" ]; then
        local rest=${IOP_DB_URL#jdbc:postgresql://}
        rest=${rest%%\?*}
        if [ "$rest" = "$IOP_DB_URL" ] || [[ "$rest" != */* ]] || [[ "$rest" == *,* ]]; then
            fail_usage "IOP_DB_URL '$IOP_DB_URL' is not of the form jdbc:postgresql://host[:port]/database; set IOP_DB_HOST, IOP_DB_PORT and IOP_DB_NAME instead"
        fi
        url_name=${rest#*/}
        local hostport=${rest%%/*}
        url_host=${hostport%%:*}
        [[ "$hostport" == *:* ]] && url_port=${hostport##*:}
    fi
    DB_HOST=${IOP_DB_HOST:-${url_host:-127.0.0.1}}
    DB_PORT=${IOP_DB_PORT:-${url_port:-5432}}
    DB_NAME=${IOP_DB_NAME:-${url_name:-iop}}
    DB_USER=${IOP_DB_USER:-iop}
    DB_PASSWORD=${IOP_DB_PASSWORD:-iop}
    DB_ADMIN_USER=${IOP_DB_ADMIN_USER:-postgres}
    DB_ADMIN_PASSWORD=${IOP_DB_ADMIN_PASSWORD:-}
    [[ "$DB_PORT" =~ ^[0-9]+$ ]] || fail_usage "the database port '$DB_PORT' is not a number"
}

# A PostgreSQL client program: from PATH (on Debian a wrapper that picks the newest installed version), else the
# newest /usr/lib/postgresql/<version>/bin. pg_dump must be as new as the server or newer; it says so when not.
pg_tool() {
    local name=$1 found
    found=$(command -v "$name" 2>/dev/null || true)
    if [ -z "$found" ]; then
        found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1 || true)
    fi
    if [ -z "$found" ] || [ ! -x "$found" ]; then
        echo "$SCRIPT: $name not found on PATH nor in /usr/lib/postgresql/*/bin. Install PostgreSQL's client programs," \
            "as new as the server or newer (Debian: apt-get install postgresql-client)." >&2
        exit 1
    fi
    echo "$found"
}

# psql and pg_restore, which both scripts use, into PSQL and PG_RESTORE.
db_tools() {
    PSQL=$(pg_tool psql)
    PG_RESTORE=$(pg_tool pg_restore)
}

# Whether a dump's table of contents ($1, from pg_restore --list) holds IOP's database: Flyway's schema history.
holds_iop() {
    grep -q "TABLE DATA public flyway_schema_history " <<<"$1"
}

# psql as the application's role (or, with DB_AS=admin, the administrator) on database $1, reading SQL from
# standard input; never asks for a password.
db_psql() {
    local database=$1
    shift
    local user=$DB_USER password=$DB_PASSWORD
    if [ "${DB_AS:-app}" = admin ]; then
        user=$DB_ADMIN_USER
        password=$DB_ADMIN_PASSWORD
    fi
    PGPASSWORD=$password PGCONNECT_TIMEOUT=10 "$PSQL" --no-password --no-psqlrc --quiet --tuples-only --no-align \
        -v ON_ERROR_STOP=1 -h "$DB_HOST" -p "$DB_PORT" -U "$user" -d "$database" "$@"
}

fail_usage() {
    echo "$SCRIPT: $1" >&2
    echo "Try '$SCRIPT --help'." >&2
    exit 2
}

where() {
    echo "database '$1' at $DB_HOST:$DB_PORT"
}
