#!/usr/bin/env bash
# Builds IOP, provisions WildFly, prepares PostgreSQL and starts the application with the Nyköping demo
# at http://localhost:8080/. Ctrl-C stops the server and, if one was started, the embedded PostgreSQL.
# IOP_PORT_OFFSET moves every port of the server (HTTP 8080 + offset, management 9990 + offset).
# ./run.sh --sso also starts Keycloak (from Maven Central) on 8180 + offset with two demo identity providers,
# a municipality's staff IdP and an e-ID broker, and offers them on the login page.
# ./run.sh --nodes 2 (or IOP_NODES=2) starts a cluster instead: HAProxy (Debian's haproxy) on 8080 + offset in
# front of that many nodes of the clustered server (wildfly-config/target/server-ha) on offsets +1000, +2000, …
# (README, Running several nodes). Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")"

SSO=no
NODES=${IOP_NODES:-1}
usage() { echo "usage: ./run.sh [--sso] [--nodes N]   (N from 2 to 9: a balancer and N clustered nodes)"; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --sso) SSO=yes ;;
        --nodes) [ $# -ge 2 ] || usage; NODES=$2; shift ;;
        --nodes=*) NODES=${1#--nodes=} ;;
        *) usage ;;
    esac
    shift
done
case "$NODES" in
    1) ;;
    [2-9]) command -v haproxy > /dev/null || {
               echo "Several nodes need HAProxy as their load balancer: apt-get install haproxy (Debian 12: 2.6)"; exit 2; } ;;
    *) usage ;;
esac

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
KC_PID=""
LB_PID=""
declare -a NODE_PIDS=()
PID_FILE="$STATE/server.pid"
# Node i of a cluster: every port moved by another IOP_NODE_PORT_STEP (1000) per node (HTTP 9080, 10080, …;
# management 10990, 11990, …; JGroups 8600, 9600, …): clear of each other, of Keycloak's 8180 and 9180 (--sso) and
# of the balancer's 8080 and 8404.
node_offset() { echo $((OFFSET + ${IOP_NODE_PORT_STEP:-1000} * $1)); }

# Waits up to $2 seconds for process $1 to end; true if it has.
ended_within() {
    for _ in $(seq 1 "$2"); do
        kill -0 "$1" 2>/dev/null || return 0
        sleep 1
    done
    ! kill -0 "$1" 2>/dev/null
}

# Stops a server even when it no longer answers (e.g. out of memory): the management shutdown, given
# 15 s; then the server's own Java process, by its id, with TERM and at last KILL.
# $1 the id of standalone.sh, $2 its pid file (the Java process), $3 the management port.
stop_node() {
    [ -n "$1" ] || return 0
    local pid=$1
    [ -s "$2" ] && pid=$(cat "$2")
    if kill -0 "$pid" 2>/dev/null; then
        local asked=no
        timeout 15 "$SERVER/bin/jboss-cli.sh" --connect --controller="remote+http://127.0.0.1:$3" \
            --command=:shutdown > /dev/null 2>&1 && asked=yes
        if [ "$asked" = no ] || ! ended_within "$pid" 15; then
            echo "    The server did not stop by its management interface; ending process $pid"
            kill -TERM "$pid" 2>/dev/null || true
            if ! ended_within "$pid" 10; then
                kill -KILL "$pid" 2>/dev/null || true
            fi
        fi
    fi
    wait "$1" 2>/dev/null || true
    rm -f "$2"
}

stop_server() {
    stop_node "$SERVER_PID" "$PID_FILE" "$MANAGEMENT"
}

# The cluster's nodes, stopped side by side (each may take its 15 s), then the balancer.
stop_cluster() {
    local i stoppers=()
    for i in $(seq 1 "$NODES"); do
        [ -n "${NODE_PIDS[$i]:-}" ] || continue
        stop_node "${NODE_PIDS[$i]}" "$STATE/nodes/node$i.pid" $((9990 + $(node_offset "$i"))) &
        stoppers+=($!)
    done
    [ ${#stoppers[@]} -eq 0 ] || wait "${stoppers[@]}" 2>/dev/null || true
    if [ -n "$LB_PID" ] && kill -0 "$LB_PID" 2>/dev/null; then
        kill "$LB_PID" 2>/dev/null || true
        wait "$LB_PID" 2>/dev/null || true
    fi
}

stop() {
    trap - INT TERM EXIT
    echo
    echo "==> Stopping"
    if [ "$NODES" -gt 1 ]; then stop_cluster; else stop_server; fi
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

ARGS=(-Diop.db.url="$DB_URL" -Diop.demo="${IOP_DEMO:-true}"
      -Diop.public.url="${IOP_PUBLIC_URL:-http://localhost:$PORT/}")
[ -n "${IOP_ADMIN_PASSWORD:-}" ] && ARGS+=(-Diop.admin.password="$IOP_ADMIN_PASSWORD")
# The demo's two committees keep registration series of their own (README, Public records).
[ "${IOP_DEMO:-true}" = true ] && [ -z "${IOP_DIARY_PREFIXES:-}" ] && ARGS+=(-Diop.diary.prefixes="Socialnämnden=SN;Vård- och omsorgsnämnden=VON")
if [ "$SSO" = yes ]; then
    ARGS+=(-Diop.oidc.providers=staff,eid
           -Diop.oidc.staff.issuer="$KC/iop-demo-staff" -Diop.oidc.staff.client.id=iop
           -Diop.oidc.staff.client.secret=iop-demo-staff-secret -Diop.oidc.staff.label="Nyköpings kommun (demo)"
           -Diop.oidc.eid.issuer="$KC/iop-demo-eid" -Diop.oidc.eid.client.id=iop
           -Diop.oidc.eid.client.secret=iop-demo-eid-secret -Diop.oidc.eid.label="BankID eller Freja (demo)"
           -Diop.oidc.eid.subject.claim=personal_identity_number)
fi

if [ "$NODES" -eq 1 ]; then
echo "==> Starting WildFly"
rm -f "$SERVER"/standalone/deployments/iop.ear.*
cp ear/target/iop.ear "$SERVER/standalone/deployments/iop.ear"
LOG="$SERVER/standalone/log/server.log"
LOG_START=$( [ -f "$LOG" ] && wc -l < "$LOG" || echo 0 )
# In the background with a pid file: standalone.sh then writes the id of the server's Java process,
# which stop_server can end even when the server no longer answers.
rm -f "$PID_FILE"
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$PWD/$PID_FILE" \
    "$SERVER/bin/standalone.sh" -b "${IOP_BIND:-127.0.0.1}" "${ARGS[@]}" -Djboss.socket.binding.port-offset="$OFFSET" \
    > "$STATE/server.out" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 180); do
    if [ -e "$SERVER/standalone/deployments/iop.ear.deployed" ]; then break; fi
    if [ -e "$SERVER/standalone/deployments/iop.ear.failed" ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "The application did not start; the end of the server log:"; tail -40 "$SERVER/standalone/log/server.log"; exit 1
    fi
    sleep 1
done
else
# A cluster: each node a directory of its own under .iop/nodes (configuration, deployment, data, log) over the one
# provisioned clustered server, made afresh at each start.
SERVER_HA=wildfly-config/target/server-ha
CLUSTER_BIND=${IOP_CLUSTER_BIND:-127.0.0.1}
MEMBERS=${IOP_CLUSTER_MEMBERS:-$(for i in $(seq 1 "$NODES"); do printf '%s[%d],' "$CLUSTER_BIND" $((7600 + $(node_offset "$i"))); done)}
MEMBERS=${MEMBERS%,}
mkdir -p "$STATE/nodes"

start_node() {
    local i=$1 base="$STATE/nodes/node$1"
    rm -rf "$base" "$STATE/nodes/node$i.pid"
    mkdir -p "$base/deployments"
    cp -r "$SERVER_HA/standalone/configuration" "$base/configuration"
    cp ear/target/iop.ear "$base/deployments/iop.ear"
    JBOSS_JAVA_SIZING="-Xms64m -Xmx${IOP_NODE_HEAP:-512m}" LAUNCH_JBOSS_IN_BACKGROUND=1 \
        JBOSS_PIDFILE="$PWD/$STATE/nodes/node$i.pid" \
        "$SERVER_HA/bin/standalone.sh" -b 127.0.0.1 "${ARGS[@]}" -Djboss.socket.binding.port-offset="$(node_offset "$i")" \
        -Djboss.server.base.dir="$PWD/$base" -Djboss.node.name="node$i" \
        -Djboss.bind.address.private="$CLUSTER_BIND" -Diop.cluster.members="$MEMBERS" \
        > "$STATE/nodes/node$i.out" 2>&1 &
    NODE_PIDS[$i]=$!
}

wait_node() {
    local i=$1 base="$STATE/nodes/node$1"
    for _ in $(seq 1 240); do
        [ -e "$base/deployments/iop.ear.deployed" ] && return 0
        if [ -e "$base/deployments/iop.ear.failed" ] || ! kill -0 "${NODE_PIDS[$i]}" 2>/dev/null; then
            echo "Node $i did not start; the end of its log:"; tail -40 "$base/log/server.log"; exit 1
        fi
        sleep 1
    done
    echo "Node $i did not start in time; the end of its log:"; tail -40 "$base/log/server.log"; exit 1
}

# The first node alone migrates the schema and loads the demo; the others find both done.
echo "==> Starting node 1 of $NODES (clustered WildFly, heap ${IOP_NODE_HEAP:-512m})"
start_node 1
wait_node 1
echo "==> Starting nodes 2 to $NODES"
for i in $(seq 2 "$NODES"); do start_node "$i"; done
for i in $(seq 2 "$NODES"); do wait_node "$i"; done
LOG="$STATE/nodes/node1/log/server.log"
LOG_START=0

echo "==> Starting HAProxy on ${IOP_BIND:-127.0.0.1}:$PORT"
LB_STATS=$((8404 + OFFSET))
NODE_PORTS=()
for i in $(seq 1 "$NODES"); do NODE_PORTS+=("node$i=$((8080 + $(node_offset "$i")))"); done
# One configuration, shared with the failover test (ClusterFailoverIT).
bash ops/haproxy-config.sh "${IOP_BIND:-127.0.0.1}" "$PORT" "$LB_STATS" "${NODE_PORTS[@]}" > "$STATE/haproxy.cfg"
haproxy -c -q -f "$STATE/haproxy.cfg" || { echo "The balancer's configuration ($STATE/haproxy.cfg) is not valid"; exit 1; }
haproxy -db -f "$STATE/haproxy.cfg" > "$STATE/haproxy.log" 2>&1 &
LB_PID=$!
for _ in $(seq 1 30); do
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/health/ready" && break
    kill -0 "$LB_PID" 2>/dev/null || { echo "HAProxy did not start:"; tail -20 "$STATE/haproxy.log"; exit 1; }
    sleep 1
done
fi

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
if [ "$NODES" -eq 1 ]; then
    echo "  Server log: $SERVER/standalone/log/server.log    Stop with Ctrl-C."
    wait "$SERVER_PID"
else
    echo "  A cluster of $NODES nodes behind HAProxy (JGroups members: $MEMBERS):"
    for i in $(seq 1 "$NODES"); do
        echo "    node$i  http://127.0.0.1:$((8080 + $(node_offset "$i")))/  process $(cat "$STATE/nodes/node$i.pid" 2>/dev/null)  log $STATE/nodes/node$i/log/server.log"
    done
    echo "  The balancer's log: $STATE/haproxy.log (which node served each request), its state: http://127.0.0.1:$LB_STATS/"
    echo "  Every answer names its node in the header X-IOP-Node. To try a failover: kill -9 \$(cat $STATE/nodes/node1.pid)"
    echo "  Stop all with Ctrl-C."
    wait "$LB_PID"
fi
