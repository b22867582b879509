#!/usr/bin/env bash
# Landlord benchmark: starts IOP (a copy of the provisioned WildFly's standalone/ directory, its own
# ports and database), a real SMTP server (GreenMail, inside the benchmark's JVM) as the receiver,
# then sends one packet to 500 landlords and prints how long it took, the page latency meanwhile and
# the time to make a packet's PDF. Stops everything it started.
#
#   bench/landlord.sh                      # 500 landlords, port offset 300
#   BENCH_LANDLORDS=1000 BENCH_PORT_OFFSET=500 bench/landlord.sh
set -euo pipefail
cd "$(dirname "$0")/.."

OFFSET=${BENCH_PORT_OFFSET:-300}
LANDLORDS=${BENCH_LANDLORDS:-500}
HTTP_PORT=$((8080 + OFFSET))
MGMT_PORT=$((9990 + OFFSET))
SMTP_PORT=$((3025 + OFFSET))
DB_NAME=${BENCH_DATABASE:-iop_bench}
PASSWORD=bench-admin-password
SERVER=wildfly-config/target/server
WORK=$(mktemp -d -t iop-bench-XXXXXX)
SERVER_PID=""
DB_PID=""

stop() {
    trap - INT TERM EXIT
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        "$SERVER/bin/jboss-cli.sh" --connect --controller="127.0.0.1:$MGMT_PORT" --command=:shutdown > /dev/null 2>&1 \
            || kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ -n "$DB_PID" ] && kill -0 "$DB_PID" 2>/dev/null; then
        kill "$DB_PID" 2>/dev/null || true
        wait "$DB_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap stop INT TERM EXIT

if [ ! -f ear/target/iop.ear ] || [ ! -d "$SERVER" ]; then
    echo "==> Building (mvn install, tests skipped)"
    mvn -B -q -DskipTests install
fi
echo "==> Classpath of the benchmark (GreenMail, JSON)"
mvn -B -q -o -pl ear dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" > /dev/null \
    || mvn -B -q -pl ear dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt" > /dev/null

echo "==> Preparing the database $DB_NAME"
if command -v psql > /dev/null 2>&1 && (echo > /dev/tcp/127.0.0.1/5432) 2> /dev/null; then
    # A fresh database each run, so every run sends to exactly its own landlords.
    su postgres -c "psql -q -c 'drop database if exists $DB_NAME'" > /dev/null 2>&1 \
        || psql -q -h 127.0.0.1 -U "${IOP_DB_ADMIN_USER:-postgres}" -c "drop database if exists $DB_NAME" > /dev/null 2>&1 || true
fi
IOP_DB_NAME=$DB_NAME java -cp "wildfly-config/target/classes:$(cat wildfly-config/target/classpath.txt)" \
    se.iop.devdb.LocalDatabase "$WORK/db-url" "$WORK/pgdata" > "$WORK/database.log" 2>&1 &
DB_PID=$!
for _ in $(seq 1 120); do
    [ -s "$WORK/db-url" ] && break
    kill -0 "$DB_PID" 2>/dev/null || { cat "$WORK/database.log"; exit 1; }
    sleep 1
done
DB_URL=$(cat "$WORK/db-url")

echo "==> Starting IOP on port $HTTP_PORT (SMTP to 127.0.0.1:$SMTP_PORT)"
cp -r "$SERVER/standalone" "$WORK/standalone"
rm -rf "$WORK/standalone/deployments/"* "$WORK/standalone/data" "$WORK/standalone/log" "$WORK/standalone/tmp"
cp ear/target/iop.ear "$WORK/standalone/deployments/iop.ear"
"$SERVER/bin/standalone.sh" -Djboss.server.base.dir="$WORK/standalone" -Djboss.socket.binding.port-offset="$OFFSET" \
    -Diop.db.url="$DB_URL" -Diop.admin.password="$PASSWORD" -Diop.demo=true -Diop.smtp.port="$SMTP_PORT" \
    -Diop.public.url="http://127.0.0.1:$HTTP_PORT/" > "$WORK/server.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
    [ -e "$WORK/standalone/deployments/iop.ear.deployed" ] && break
    if [ -e "$WORK/standalone/deployments/iop.ear.failed" ] || ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "IOP did not start:"; tail -40 "$WORK/standalone/log/server.log"; exit 1
    fi
    sleep 1
done
[ -e "$WORK/standalone/deployments/iop.ear.deployed" ] || { echo "IOP did not start in time"; exit 1; }

echo "==> Running"
set +e
java -cp "$(cat "$WORK/classpath.txt")" bench/LandlordBench.java "http://127.0.0.1:$HTTP_PORT/" "$PASSWORD" "$SMTP_PORT" "$LANDLORDS"
STATUS=$?
set -e
exit $STATUS
