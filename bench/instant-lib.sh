# Helpers of the instant benchmarks (bench/dispatch, bench/pdptw); sourced after lib.sh.

# Sets INSTANT_CP to the compiled classes and the runtime dependencies (the solver), compiling when a source is newer.
instant_classpath() {
  local stamp="$BENCH_ROOT/target/classes/io/mercato/instant/internal/dispatch/GreedyDispatcher.class"
  local cpfile="$BENCH_ROOT/target/instant-bench.classpath"
  local mvn="./mvnw"
  command -v mvn >/dev/null 2>&1 && mvn=mvn
  if [ ! -f "$stamp" ] || [ -n "$(find "$BENCH_ROOT/src/main" "$BENCH_ROOT/pom.xml" -newer "$stamp" -print -quit)" ]; then
    log "compiling ($mvn -B -q compile)"
    (cd "$BENCH_ROOT" && $mvn -B -q -ntp compile) >&2
    touch "$stamp"
  fi
  if [ ! -f "$cpfile" ] || [ "$BENCH_ROOT/pom.xml" -nt "$cpfile" ]; then
    (cd "$BENCH_ROOT" && $mvn -B -q -ntp dependency:build-classpath -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$cpfile") >&2
  fi
  INSTANT_CP="$BENCH_ROOT/target/classes:$(cat "$cpfile")"
}
