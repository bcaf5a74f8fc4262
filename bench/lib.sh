# Shared helpers for the bench scripts; sourced, not run. Everything binds and targets localhost only.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$BENCH_ROOT/target/mercato-0.1.0-SNAPSHOT.jar"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

# Finds a JDK >= 21 the way .ci/run does: JAVA_HOME, then java on PATH, then the newest under the usual folders.
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    :
  elif command -v java >/dev/null 2>&1 && [ "$(java_major "$(command -v java)")" -ge 21 ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  else
    JAVA_HOME=""
    local best=0 candidate major
    for candidate in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk*; do
      [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
      major="$(java_major "$candidate/bin/java")"
      if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best" ]; then
        best="$major"
        JAVA_HOME="$candidate"
      fi
    done
    if [ -z "$JAVA_HOME" ]; then
      echo "No JDK 21 or newer found: install one (e.g. apt-get install openjdk-21-jdk) or set JAVA_HOME." >&2
      exit 1
    fi
  fi
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
  log "JDK: $JAVA_HOME ($("$JAVA_HOME/bin/java" -version 2>&1 | head -1))"
}

# Builds the jar when it is missing or older than any source file or the POM.
ensure_jar() {
  if [ -f "$JAR" ] && [ -z "$(find "$BENCH_ROOT/src/main" "$BENCH_ROOT/pom.xml" -newer "$JAR" -print -quit)" ]; then
    log "jar is up to date: ${JAR#"$BENCH_ROOT"/}"
    return
  fi
  log "building the jar (mvn -B -q -DskipTests package)"
  local started=$SECONDS
  if command -v mvn >/dev/null 2>&1; then
    (cd "$BENCH_ROOT" && mvn -B -q -DskipTests package) >&2
  else
    (cd "$BENCH_ROOT" && ./mvnw -B -q -DskipTests package) >&2
  fi
  log "built in $((SECONDS - started)) s"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints a free localhost port at or above $1 (tries at most 200).
free_port() {
  local port=$1 tries=0
  while [ $tries -lt 200 ]; do
    if port_free "$port"; then
      echo "$port"
      return
    fi
    port=$((port + 1))
    tries=$((tries + 1))
  done
  echo "No free port found from $1" >&2
  exit 1
}

APP_PID=""

# start_app DATA_DIR DB_PORT HTTP_PORT LOG [extra args...]: starts the platform in the background. Extra JVM options
# (a flight recording, say) come from MERCATO_BENCH_JVM_OPTS.
start_app() {
  local dir=$1 db_port=$2 http_port=$3 logfile=$4
  shift 4
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" -Xmx512m ${MERCATO_BENCH_JVM_OPTS:-} -jar "$JAR" --mercato.data-dir="$dir" --mercato.embedded-port="$db_port" \
    --server.port="$http_port" --server.address=127.0.0.1 "$@" >"$logfile" 2>&1 &
  APP_PID=$!
}

# wait_healthy HTTP_PORT TIMEOUT_S: waits for /actuator/health to say UP; fails if the process dies.
wait_healthy() {
  local port=$1 timeout=$2 deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      log "the platform exited during start-up; its log follows"
      tail -40 "$APP_LOG" >&2
      return 1
    fi
    if curl -sf --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      return 0
    fi
    sleep 0.2
  done
  log "the platform was not healthy after $timeout s"
  return 1
}

# operator_token HTTP_PORT: prints a bearer token of the operator (MERCATO_OPERATOR_EMAIL / _PASSWORD, else the
# defaults), for the management endpoints such as /actuator/metrics, which answer operators only.
operator_token() {
  local email=${MERCATO_OPERATOR_EMAIL:-operator@mercato.demo} password=${MERCATO_OPERATOR_PASSWORD:-operator-demo-2026}
  curl -sf --max-time 30 -X POST "http://127.0.0.1:$1/api/v1/sessions" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"$password\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}

# Stops the platform gracefully (it stops its embedded PostgreSQL), then forcibly after 30 s.
stop_app() {
  [ -n "$APP_PID" ] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    local i=0
    while kill -0 "$APP_PID" 2>/dev/null && [ $i -lt 150 ]; do
      sleep 0.2
      i=$((i + 1))
    done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "the platform did not stop in 30 s; killing it"
      kill -9 "$APP_PID" 2>/dev/null || true
    fi
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}
