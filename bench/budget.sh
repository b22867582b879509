#!/usr/bin/env bash
# The budget benchmark (budget issue): fills a database with 10 000 agreements, 1 000 000 expenses and
# 100 000 disbursements (set-based SQL, not through the API), then prints the budget summary's latency
# through the API (median, p95 over 1 000 calls), the budget page's latency as served HTML, and the
# time of a 10 000-row CSV import, each against its target.
#
# Uses the PostgreSQL of IOP_DB_HOST/IOP_DB_PORT (or an embedded one), a database iop_bench that it
# drops and creates, and the provisioned WildFly on port offset 700 (HTTP 8780, management 10690);
# IOP_BENCH_PORT_OFFSET changes that, IOP_BENCH_PAGE the page timed (default budget/view.xhtml). Do not run it while the integration tests of the same checkout
# run: both start the server in wildfly-config/target/server. Extra Maven options: MAVEN_ARGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "==> Building (tests compiled, not run)"
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never ${MAVEN_ARGS:-} -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "==> Running"
exec java -Xmx1g -Diop.bench.portOffset="${IOP_BENCH_PORT_OFFSET:-700}" -Diop.bench.page="${IOP_BENCH_PAGE:-budget/view.xhtml}" \
    -cp "ear/target/test-classes:$(cat ear/target/bench-classpath.txt)" se.iop.bench.BudgetBenchmark "$PWD"
