#!/usr/bin/env bash
# The auth benchmark (issue 10 §4): on the budget benchmark's data (10 000 agreements, 1 000 000 expenses, filled
# by set-based SQL), the budget summary's throughput with 8 concurrent clients authenticated by (a) a session
# cookie, (b) an API token, (c) an OpenID Connect access token of a machine client (a real Keycloak, started
# here), and (d) the summary's own SQL run straight over JDBC by 8 threads. Each mode: a warm-up, then a fixed
# time (IOP_BENCH_SECONDS, default 20). Prints requests/s, the ratios against the targets ((b), (c) >= 80 % of
# (a); (a) >= 50 % of (d)) and the load average; exits 1 when a target is missed.
#
# Uses the PostgreSQL of IOP_DB_HOST/IOP_DB_PORT (or an embedded one), a database iop_bench_auth
# (IOP_BENCH_DATABASE) that it drops and creates, the provisioned WildFly from a server base of its own on port offset
# IOP_BENCH_PORT_OFFSET (default 700: HTTP 8780), and Keycloak (unpacked by the build into ear/target/keycloak)
# on port IOP_BENCH_KEYCLOAK_PORT (default 8881, management 9881). IOP_BENCH_AGREEMENTS changes the fill.
# Extra Maven options: MAVEN_ARGS (e.g. -o).
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/build.sh
. bench/lib/build.sh
bench_build
echo "==> Unpacking Keycloak (Maven Central's keycloak-quarkus-dist)"
# shellcheck disable=SC2086
if ! ./mvnw -B -q -Dstyle.color=never ${MAVEN_ARGS:-} -pl ear dependency:unpack@keycloak; then
    echo "bench: Keycloak could not be unpacked (Maven's messages above); nothing was started." >&2
    exit 1
fi
keycloak=$(find ear/target/keycloak -maxdepth 1 -type d -name 'keycloak-*' | sort | tail -1)
bench_run se.iop.bench.AuthBenchmark -Diop.bench.portOffset="${IOP_BENCH_PORT_OFFSET:-700}" \
    -Diop.bench.agreements="${IOP_BENCH_AGREEMENTS:-10000}" -Diop.bench.database="${IOP_BENCH_DATABASE:-iop_bench_auth}" \
    -Diop.bench.seconds="${IOP_BENCH_SECONDS:-20}" \
    -Diop.keycloak.port="${IOP_BENCH_KEYCLOAK_PORT:-8881}" -Diop.it.keycloak.home="$keycloak"
