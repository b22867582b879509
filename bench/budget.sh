#!/usr/bin/env bash
# The budget benchmark (budget issue): fills a database with 10 000 agreements, 1 000 000 expenses and
# 100 000 disbursements (set-based SQL, not through the API), then prints the budget summary's latency
# through the API (median, p95 over 1 000 calls), the budget page's latency as served HTML, and the
# time of a 10 000-row CSV import, each against its target.
#
# Uses the PostgreSQL of IOP_DB_HOST/IOP_DB_PORT (or an embedded one), a database iop_bench (IOP_BENCH_DATABASE)
# that it drops and creates, and the provisioned WildFly from a server base of its own (target/bench-server-<offset>) on port
# offset 700 (HTTP 8780, management 10690), so it runs beside ./run.sh and the integration tests of the same
# checkout. IOP_BENCH_PORT_OFFSET changes the offset, IOP_BENCH_AGREEMENTS the fill (default 10 000),
# IOP_BENCH_PAGE the page timed (default budget/view.xhtml). Extra Maven options: MAVEN_ARGS (e.g. -o).
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/build.sh
. bench/lib/build.sh
bench_build
bench_run se.iop.bench.BudgetBenchmark -Diop.bench.portOffset="${IOP_BENCH_PORT_OFFSET:-700}" \
    -Diop.bench.agreements="${IOP_BENCH_AGREEMENTS:-10000}" -Diop.bench.database="${IOP_BENCH_DATABASE:-iop_bench}" -Diop.bench.page="${IOP_BENCH_PAGE:-budget/view.xhtml}"
