# Sourced by the bench scripts: builds the application and the benchmarks (tests compiled, not run) in one
# reactor, so a fresh clone needs nothing installed, and writes the benchmarks' class path. Says what failed.
# Extra Maven options: MAVEN_ARGS (e.g. -o for an offline build).
bench_build() {
    echo "==> Building (./mvnw package, tests compiled, not run)"
    # shellcheck disable=SC2086
    if ! ./mvnw -B -q -Dstyle.color=never ${MAVEN_ARGS:-} -DskipTests package dependency:build-classpath \
            -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test; then
        echo "bench: the build failed (Maven's messages above); nothing was started." >&2
        exit 1
    fi
    if [ ! -s ear/target/bench-classpath.txt ] || [ ! -f ear/target/iop.ear ]; then
        echo "bench: the build made no ear/target/iop.ear or class path; nothing was started." >&2
        exit 1
    fi
}

# Runs a benchmark class from the ear module's test classes; its server runs from a base of its own
# (target/bench-server-<port offset>), never wildfly-config/target/server that ./run.sh serves from.
bench_run() {
    local main=$1
    shift
    echo "==> Running"
    java -Xmx1g "$@" -Diop.bench.serverOpts="${IOP_BENCH_SERVER_OPTS:-}" -cp "ear/target/test-classes:$(cat ear/target/bench-classpath.txt)" "$main" "$PWD"
    local status=$?
    if [ $status -ne 0 ]; then
        echo "bench: $main ended with status $status (a goal missed, or the failure above)." >&2
    fi
    return $status
}
