#!/usr/bin/env bash
# The cluster benchmark (issue 11 §6): two nodes of the clustered server, each with the heap ./run.sh --nodes gives it
# (IOP_NODE_HEAP, default 512m), on the budget benchmark's data (10 000 agreements, 1 000 000 expenses, set-based
# SQL); the budget summary's throughput with 8 clients (session cookies) straight at node 1, through HAProxy in front
# of node 1 alone and through HAProxy in front of both (ops/haproxy-config.sh, as ./run.sh --nodes). Prints
# requests/s, the balancer's cost (target < 15 %) and each node's heap after the run (target <= 512 MB); exits 1
# when a target is missed.
#
# Uses the PostgreSQL of IOP_DB_HOST/IOP_DB_PORT (or an embedded one), a database iop_bench_cluster
# (IOP_BENCH_DATABASE) that it drops and creates, Debian's haproxy, and the provisioned wildfly-config/target/server-ha
# with server bases of its own (target/bench-node-<offset>): node 1 on port offset IOP_BENCH_PORT_OFFSET (default
# 740: HTTP 8820), node 2 on that + 20 (8840), the balancers on 8080 + offset + 10 and + 11 (8830, 8831).
# IOP_BENCH_SECONDS (default 30) is each mode's measured time, IOP_BENCH_AGREEMENTS changes the fill.
# Extra Maven options: MAVEN_ARGS (e.g. -o).
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v haproxy > /dev/null 2>&1; then
    echo "bench: the cluster benchmark needs Debian's HAProxy (apt-get install haproxy); nothing was started." >&2
    exit 1
fi
# shellcheck source=bench/lib/build.sh
. bench/lib/build.sh
bench_build
bench_run se.iop.bench.ClusterBenchmark -Diop.bench.portOffset="${IOP_BENCH_PORT_OFFSET:-740}" \
    -Diop.bench.agreements="${IOP_BENCH_AGREEMENTS:-10000}" -Diop.bench.database="${IOP_BENCH_DATABASE:-iop_bench_cluster}" \
    -Diop.bench.seconds="${IOP_BENCH_SECONDS:-30}" -Diop.bench.nodeHeap="${IOP_NODE_HEAP:-512m}"
