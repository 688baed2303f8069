#!/usr/bin/env bash
# Load benchmark of query-service over the bench database filled by BulkLoadBenchmarkTest (see docs/benchmarks.md).
#   query-service/bench/query-bench.sh [duration, default 30s] [connections, default 4] [scenarios...]
# Needs: the packaged service (./mvnw -B -q -pl query-service -am -DskipTests package), wrk, psql.
# Each scenario (scenarios.lua) gets a warm-up, then a measured run; requests still in flight at the end of a run
# are waited for before the next one starts, so one scenario's tail does not land in the next one's figures.
set -euo pipefail
cd "$(dirname "$0")"
DB=${NEWSFLOW_BENCH_DB:-newsflow_bench_issue5}
PORT=${NEWSFLOW_BENCH_PORT:-18583}
DURATION=${1:-30s}
CONNECTIONS=${2:-4}
shift $(( $# < 2 ? $# : 2 ))
SCENARIOS=${*:-search relevance collapse facet-source facet-lang facet-entity facet-day facets byid stories histogram}
OUT=${NEWSFLOW_BENCH_OUT:-../target/bench}
mkdir -p "$OUT"

psql -h 127.0.0.1 -U postgres -d "$DB" -tAc \
  "SELECT id FROM query.article TABLESAMPLE SYSTEM (1) LIMIT 2000" > "$OUT/ids.txt"

# NEWSFLOW_BENCH_ACCESS_LOG=1: the service logs every request with its time (ms) to $OUT/access.log, and each
# scenario's slowest requests are printed after its figures (per-request evidence of what makes the tail).
ACCESS_LOG_OPTS=()
if [ -n "${NEWSFLOW_BENCH_ACCESS_LOG:-}" ]; then
  rm -f "$OUT/access.log"
  ACCESS_LOG_OPTS=(-Dquarkus.http.access-log.enabled=true -Dquarkus.http.record-request-start-time=true
    "-Dquarkus.http.access-log.pattern=%D %r" -Dquarkus.http.access-log.log-to-file=true
    -Dquarkus.http.access-log.log-directory="$(cd "$OUT" && pwd)" -Dquarkus.http.access-log.base-file-name=access)
fi
if [ -z "${NEWSFLOW_BENCH_EXTERNAL:-}" ]; then
  # Kafka is not needed to serve queries; point the consumer at a closed port.
  NEWSFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_HTTP_PORT="$PORT" \
    KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 NEWSFLOW_GROUP_ID=newsflow-query-bench \
    java ${NEWSFLOW_BENCH_JAVA_OPTS:-} "${ACCESS_LOG_OPTS[@]}" -Xlog:gc:file="$OUT/gc.log" \
    -jar ../target/quarkus-app/quarkus-run.jar \
    > "$OUT/service.log" 2>&1 &
  SERVICE=$!
  trap 'kill $SERVICE 2>/dev/null || true' EXIT
fi
# Up to 30 min: on a store filled before a migration that builds an index, the service migrates it at start
# (V5's sample index took 3.7 s at 1M; a GIN rebuild takes ~5-8 min at 1M rows on a loaded machine).
for _ in $(seq 1 1800); do
  curl -sf "http://127.0.0.1:$PORT/articles?limit=1" > /dev/null && break
  if [ -n "${SERVICE:-}" ] && ! kill -0 "$SERVICE" 2>/dev/null; then
    echo "the service exited; see $OUT/service.log" >&2
    exit 1
  fi
  sleep 1
done

idle() {
  # No query of this database still running (wrk does not wait for its last requests).
  for _ in $(seq 1 120); do
    n=$(psql -h 127.0.0.1 -U postgres -tAc "SELECT count(*) FROM pg_stat_activity WHERE datname = '$DB'
      AND state = 'active' AND pid <> pg_backend_pid() AND query NOT LIKE 'COPY%' AND backend_type = 'client backend'
      AND application_name NOT LIKE 'bench-%'")
    [ "$n" = 0 ] && return
    sleep 0.5
  done
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM; $(uptime)"
echo "articles: $(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc 'SELECT count(*) FROM query.article')"
for name in $SCENARIOS; do
  wrk -t1 -c"$CONNECTIONS" -d5s --timeout 10s -s scenarios.lua "http://127.0.0.1:$PORT" -- "$name" "$OUT/ids.txt" \
    > /dev/null
  idle
  echo "== $name ($DURATION, $CONNECTIONS connections) -- $(uptime | sed 's/.*load/load/')"
  logged=$( [ -f "$OUT/access.log" ] && wc -l < "$OUT/access.log" || echo 0)
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency -s scenarios.lua "http://127.0.0.1:$PORT" \
    -- "$name" "$OUT/ids.txt" | tee "$OUT/wrk-$name.txt"
  echo "-- after: $(uptime | sed 's/.*load/load/')"
  idle
  if [ -f "$OUT/access.log" ]; then
    tail -n +"$((logged + 1))" "$OUT/access.log" > "$OUT/access-$name.log"
    echo "slowest requests (ms, request):"
    sort -rn "$OUT/access-$name.log" | head -n "${NEWSFLOW_BENCH_SLOWEST:-8}" | sed 's/^/  /' || true
  fi
done
if [ -f "$OUT/gc.log" ]; then
  echo "longest GC pauses (ms): $(grep -o '[0-9.]*ms$' "$OUT/gc.log" | sort -n | tail -3 | tr '\n' ' ')"
fi
psql -h 127.0.0.1 -U postgres -d "$DB" -f explain.sql > "$OUT/explain.txt"
echo "EXPLAIN plans: $OUT/explain.txt"
