#!/usr/bin/env bash
# Landlord benchmark: builds IOP, starts it on the provisioned WildFly from a server base of its own
# (target/bench-server-<offset>, its own ports and a fresh database), with a real SMTP server (GreenMail,
# inside the benchmark's JVM) as the receiver; sends one packet to 500 landlords and prints how long it
# took, the page latency meanwhile and the time to make a packet's PDF. Stops everything it started.
# Runs beside ./run.sh of the same checkout.
#
#   bash bench/landlord.sh                                   # 500 landlords, port offset 300
#   BENCH_LANDLORDS=1000 BENCH_PORT_OFFSET=500 bash bench/landlord.sh
#   BENCH_DATABASE=iop_bench_landlord (default iop_bench), MAVEN_ARGS=-o
set -uo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/lib/build.sh
. bench/lib/build.sh
bench_build
bench_run se.iop.bench.LandlordBenchmark -Diop.bench.portOffset="${BENCH_PORT_OFFSET:-300}" \
    -Diop.bench.landlords="${BENCH_LANDLORDS:-500}" -Diop.bench.database="${BENCH_DATABASE:-iop_bench}"
