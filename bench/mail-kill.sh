#!/usr/bin/env bash
# Mail under kills (issue 11 §2, measured over many kills): two nodes of the clustered server (wildfly-config/target/
# server-ha) on loopback share a fresh database (iop_bench_mailkill, IOP_BENCH_DATABASE) and a real SMTP server
# (GreenMail on 127.0.0.1, in the benchmark's JVM, as ClusterFailoverIT has it). Each of R rounds sends the demo's
# packet to M new landlords through one node, kill -9s that node after a random 5–95 % of the mails, lets the other
# node finish and counts the mails received, duplicated and missing, the deliveries uncertain (the killed node was
# ending them: shown to the administrator, never sent again by themselves) and of those the ones that arrived, the
# mails silently lost (no mail, delivery not uncertain) and the deliveries neither SENT nor uncertain; the killed node
# is started again for the next round, the nodes take turns at sending. Prints a table row per round and the totals;
# exits 1 when a mail was silently lost or duplicated or a delivery is not settled (and prints the rows of deliveries
# not SENT or not mailed once; the killed node's log of each round is kept in target/bench-mailkill-logs/).
#
#   bash bench/mail-kill.sh                                  # 10 rounds of 100 deliveries, port offset 800
#   IOP_BENCH_ROUNDS=20 IOP_BENCH_DELIVERIES=200 bash bench/mail-kill.sh
#
# Ports (offset IOP_BENCH_PORT_OFFSET, default 800): node 1 HTTP 8880, JGroups 8400; node 2 offset + 20 (HTTP 8900,
# JGroups 8420); SMTP 3025 + offset (3825); all on 127.0.0.1. Uses the PostgreSQL of IOP_DB_HOST/IOP_DB_PORT (or an
# embedded one). Extra Maven options: MAVEN_ARGS (e.g. -o). Everything it started is stopped when it ends, also on
# Ctrl-C or TERM.
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/build.sh
. bench/lib/build.sh

offset=${IOP_BENCH_PORT_OFFSET:-800}
bench=""
# The benchmark's JVM stops its nodes when it ends (its shutdown hooks); should it be killed itself, the nodes' own
# pid files name what is left.
stop_all() {
    trap - EXIT INT TERM
    if [ -n "$bench" ] && kill -0 "$bench" 2> /dev/null; then
        kill -TERM "$bench" 2> /dev/null
        for _ in $(seq 1 30); do kill -0 "$bench" 2> /dev/null || break; sleep 1; done
        kill -KILL "$bench" 2> /dev/null
    fi
    for node in "$offset" $((offset + 20)); do
        pidfile="target/bench-mailkill-node-$node/server.pid"
        pid=$(cat "$pidfile" 2> /dev/null)
        if [ -n "$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q "bench-mailkill-node-$node"; then
            kill -KILL "$pid" 2> /dev/null
        fi
    done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

bench_build
echo "==> Running"
java -Xmx1g -Diop.bench.portOffset="$offset" -Diop.bench.rounds="${IOP_BENCH_ROUNDS:-10}" \
    -Diop.bench.deliveries="${IOP_BENCH_DELIVERIES:-100}" -Diop.bench.database="${IOP_BENCH_DATABASE:-iop_bench_mailkill}" \
    -Diop.bench.nodeHeap="${IOP_NODE_HEAP:-512m}" \
    -cp "ear/target/test-classes:$(cat ear/target/bench-classpath.txt)" se.iop.bench.MailKillBenchmark "$PWD" &
bench=$!
wait "$bench"
status=$?
bench=""
if [ $status -ne 0 ]; then
    echo "bench: MailKillBenchmark ended with status $status (a mail silently lost or duplicated, or the failure above)." >&2
fi
exit $status
