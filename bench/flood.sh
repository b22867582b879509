#!/usr/bin/env bash
# The flood benchmark (issue 14): anonymous requests from 127.0.0.1 over 16 connections — protected pages
# with a long query string, the login page, static resources, the API without a login — bounded in count
# (IOP_BENCH_REQUESTS, default 300 000) and time (IOP_BENCH_SECONDS, default 60 s), whichever comes first,
# while one logged-in user times the login page and the budget summary. Prints requests sent, sessions and
# heap before, during and after, and the logged-in user's median and p95 during the flood.
#
# Runs the provisioned server from a base of its own (target/bench-server-<offset>, heap 512 MB as in the report)
# on port offset IOP_BENCH_PORT_OFFSET (default 720: HTTP 8800, management 10710) with its own database
# iop_bench_flood (dropped and made again), so it can run while ./run.sh serves from this checkout.
# Extra Maven options: MAVEN_ARGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> Building (tests compiled, not run)"
# shellcheck disable=SC2086
./mvnw -B -q -Dstyle.color=never ${MAVEN_ARGS:-} -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "==> Running"
exec java -Xmx1g -Diop.bench.portOffset="${IOP_BENCH_PORT_OFFSET:-720}" \
    -Diop.bench.requests="${IOP_BENCH_REQUESTS:-300000}" -Diop.bench.seconds="${IOP_BENCH_SECONDS:-60}" \
    -Diop.bench.connections="${IOP_BENCH_CONNECTIONS:-16}" \
    -cp "ear/target/test-classes:$(cat ear/target/bench-classpath.txt)" se.iop.bench.FloodBenchmark "$PWD"
