#!/usr/bin/env bash
# Builds IOP, provisions WildFly, prepares PostgreSQL and starts the application with the Nyköping demo
# at http://localhost:8080/. Ctrl-C stops the server and, if one was started, the embedded PostgreSQL.
# IOP_PORT_OFFSET moves every port of the server (HTTP 8080 + offset, management 9990 + offset).
# ./run.sh --sso also starts Keycloak (from Maven Central) on 8180 + offset with two demo identity providers,
# a municipality's staff IdP and an e-ID broker, and offers them on the login page.
set -euo pipefail
cd "$(dirname "$0")"

SSO=no
for arg in "$@"; do
    case "$arg" in
        --sso) SSO=yes ;;
        *) echo "usage: ./run.sh [--sso]"; exit 2 ;;
    esac
done

STATE=.iop
SERVER=wildfly-config/target/server
OFFSET=${IOP_PORT_OFFSET:-0}
PORT=$((8080 + OFFSET))
MANAGEMENT=$((9990 + OFFSET))
mkdir -p "$STATE"

echo "==> Building and provisioning WildFly (./mvnw package, tests skipped)"
./mvnw -B -q -DskipTests package

echo "==> Preparing the database"
rm -f "$STATE/db-url"
java -cp "wildfly-config/target/classes:$(cat wildfly-config/target/classpath.txt)" \
    se.iop.devdb.LocalDatabase "$STATE/db-url" "$STATE/pgdata" > "$STATE/database.log" 2>&1 &
DB_PID=$!
SERVER_PID=""
JAVA_PID=""
KC_PID=""
PID_FILE="$STATE/server.pid"

# Waits up to $2 seconds for process $1 to end; true if it has.
ended_within() {
    for _ in $(seq 1 "$2"); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 1
    done
    ! kill -0 "$1" 2>/dev/null
}

# Stops the server even when it no longer answers (e.g. out of memory): the management shutdown, given
# 15 s; then the server's own Java process, by its id, with TERM and at last KILL.
stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    [ -s "$PID_FILE" ] && JAVA_PID=$(cat "$PID_FILE")
    local pid=${JAVA_PID:-$SERVER_PID}
    kill -0 "$pid" 2>/dev/null || return 0
    local asked=no
    timeout 15 "$SERVER/bin/jboss-cli.sh" --connect --controller="remote+http://127.0.0.1:$MANAGEMENT" \
        --command=:shutdown > /dev/null 2>&1 && asked=yes
    if [ "$asked" = no ] || ! ended_within "$pid" 15; then
        echo "    The server did not stop by its management interface; ending process $pid"
        kill -TERM "$pid" 2>/dev/null || true
        if ! ended_within "$pid" 10; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    rm -f "$PID_FILE"
}

stop() {
    trap - INT TERM EXIT
    echo
    echo "==> Stopping"
    stop_server
    if [ -n "$KC_PID" ] && kill -0 "$KC_PID" 2>/dev/null; then
        pkill -TERM -P "$KC_PID" 2>/dev/null || true
        kill "$KC_PID" 2>/dev/null || true
        wait "$KC_PID" 2>/dev/null || true
    fi
    if kill -0 "$DB_PID" 2>/dev/null; then
        kill "$DB_PID" 2>/dev/null || true
        wait "$DB_PID" 2>/dev/null || true
    fi
    echo "Stopped."
}
trap stop INT TERM EXIT

for _ in $(seq 1 120); do
    [ -s "$STATE/db-url" ] && break
    if ! kill -0 "$DB_PID" 2>/dev/null; then
        echo "The database could not be prepared:"; cat "$STATE/database.log"; exit 1
    fi
    sleep 1
done
[ -s "$STATE/db-url" ] || { echo "The database did not become ready in time:"; cat "$STATE/database.log"; exit 1; }
DB_URL=$(cat "$STATE/db-url")
grep -h "Database ready\|embedded" "$STATE/database.log" || true

if [ "$SSO" = yes ]; then
    echo "==> Starting Keycloak with the demo identity providers (the first start takes a minute)"
    ./mvnw -B -q -pl ear dependency:unpack@keycloak
    KC_HOME=$(ls -d ear/target/keycloak/keycloak-* | tail -1)
    KC_PORT=$((8180 + OFFSET))
    APP="http://localhost:$PORT"
    mkdir -p "$KC_HOME/data/import"
    for realm in staff eid; do
        sed "s#@APP@#$APP#g" "wildfly-config/sso/demo-$realm.json" > "$KC_HOME/data/import/iop-demo-$realm.json"
    done
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
        "$KC_HOME/bin/kc.sh" start-dev --http-port="$KC_PORT" --http-host=127.0.0.1 --import-realm \
        --http-management-port=$((9180 + OFFSET)) --cache=local > "$STATE/keycloak.log" 2>&1 &
    KC_PID=$!
    KC="http://127.0.0.1:$KC_PORT/realms"
    for _ in $(seq 1 240); do
        curl -fs "$KC/iop-demo-eid/.well-known/openid-configuration" > /dev/null 2>&1 && break
        kill -0 "$KC_PID" 2>/dev/null || { echo "Keycloak did not start:"; tail -20 "$STATE/keycloak.log"; exit 1; }
        sleep 1
    done
fi

echo "==> Starting WildFly"
rm -f "$SERVER"/standalone/deployments/iop.ear.*
cp ear/target/iop.ear "$SERVER/standalone/deployments/iop.ear"
LOG="$SERVER/standalone/log/server.log"
LOG_START=$( [ -f "$LOG" ] && wc -l < "$LOG" || echo 0 )
ARGS=(-Diop.db.url="$DB_URL" -Diop.demo="${IOP_DEMO:-true}" -Djboss.socket.binding.port-offset="$OFFSET"
      -Diop.public.url="${IOP_PUBLIC_URL:-http://localhost:$PORT/}")
[ -n "${IOP_ADMIN_PASSWORD:-}" ] && ARGS+=(-Diop.admin.password="$IOP_ADMIN_PASSWORD")
if [ "$SSO" = yes ]; then
    ARGS+=(-Diop.oidc.providers=staff,eid
           -Diop.oidc.staff.issuer="$KC/iop-demo-staff" -Diop.oidc.staff.client.id=iop
           -Diop.oidc.staff.client.secret=iop-demo-staff-secret -Diop.oidc.staff.label="Nyköpings kommun (demo)"
           -Diop.oidc.eid.issuer="$KC/iop-demo-eid" -Diop.oidc.eid.client.id=iop
           -Diop.oidc.eid.client.secret=iop-demo-eid-secret -Diop.oidc.eid.label="BankID eller Freja (demo)"
           -Diop.oidc.eid.subject.claim=personal_identity_number)
fi
# In the background with a pid file: standalone.sh then writes the id of the server's Java process,
# which stop_server can end even when the server no longer answers.
rm -f "$PID_FILE"
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$PWD/$PID_FILE" \
    "$SERVER/bin/standalone.sh" -b "${IOP_BIND:-127.0.0.1}" "${ARGS[@]}" > "$STATE/server.out" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 180); do
    if [ -e "$SERVER/standalone/deployments/iop.ear.deployed" ]; then break; fi
    if [ -e "$SERVER/standalone/deployments/iop.ear.failed" ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "The application did not start; the end of the server log:"; tail -40 "$SERVER/standalone/log/server.log"; exit 1
    fi
    sleep 1
done

# Only this start's log lines: the generated password is printed on the very first start alone.
GENERATED=$(tail -n +"$((LOG_START + 1))" "$LOG" | grep -o "First administrator created: user 'admin', password '[^']*'" | tail -1 || true)
cat <<BANNER

  IOP is running at http://localhost:$PORT/
  (the JSON API under http://localhost:$PORT/api, its OpenAPI document at http://localhost:$PORT/openapi)

  Demo accounts (password: bostadforst)
    handlaggare     committee administrator (ADMIN)
    ekonom          finance (FINANCE)
    stadsmissionen  partner: Sörmlands Stadsmission (PARTNER)
    verdandi        partner: Verdandi Nyköping (PARTNER)
    hyresvard       landlord: Nyköpingshem AB (LANDLORD)
    karin           private landlord: Karin Exempelsson (LANDLORD)
    revisor         auditor (AUDITOR)
BANNER
if [ -n "$GENERATED" ]; then
    echo "    ${GENERATED} — shown once, change it after logging in"
elif [ -n "${IOP_ADMIN_PASSWORD:-}" ]; then
    echo "    admin           first administrator, password from IOP_ADMIN_PASSWORD"
else
    echo "    admin           first administrator, password as printed at the first start"
fi
if [ "$SSO" = yes ]; then
    cat <<SSOBANNER

  Sign-in through the demo providers (Keycloak at http://127.0.0.1:$KC_PORT/, admin/admin):
    Nyköpings kommun (demo)     handlaggare, ekonom, revisor (password bostadforst), linked to the demo accounts;
                                ny.person is known to the IdP but not to IOP: it gets the "whom to ask" page
    BankID eller Freja (demo)   191212121212 (Skatteverket's test person), password bostadforst: stadsmissionen
SSOBANNER
fi
echo
echo "  Server log: $SERVER/standalone/log/server.log    Stop with Ctrl-C."
wait "$SERVER_PID"
