#!/usr/bin/env bash
# Load benchmark of query-service over the bench database filled by BulkLoadBenchmarkTest (see docs/benchmarks.md).
#   query-service/bench/query-bench.sh [duration, default 30s] [connections, default 4]
# Needs: the packaged service (./mvnw -B -q -pl query-service -am -DskipTests package), wrk, psql.
set -euo pipefail
cd "$(dirname "$0")"
DB=${NEWSFLOW_BENCH_DB:-newsflow_bench_issue5}
PORT=${NEWSFLOW_BENCH_PORT:-18583}
DURATION=${1:-30s}
CONNECTIONS=${2:-4}
OUT=${NEWSFLOW_BENCH_OUT:-../target/bench}
mkdir -p "$OUT"

psql -h 127.0.0.1 -U postgres -d "$DB" -tAc \
  "SELECT id FROM query.article TABLESAMPLE SYSTEM (1) LIMIT 2000" > "$OUT/ids.txt"

# Kafka is not needed to serve queries; point the consumer at a closed port.
NEWSFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" QUARKUS_HTTP_PORT="$PORT" \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 NEWSFLOW_GROUP_ID=newsflow-query-bench \
  java -jar ../target/quarkus-app/quarkus-run.jar > "$OUT/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/articles?limit=1" > /dev/null && break
  sleep 1
done

echo "machine: $(nproc) cores; $(uptime)"
echo "articles: $(psql -h 127.0.0.1 -U postgres -d "$DB" -tAc 'SELECT count(*) FROM query.article')"
# Warm-up, then the measured runs.
wrk -t1 -c2 -d5s -s search.lua "http://127.0.0.1:$PORT" > /dev/null
for name in search facets byid; do
  echo "== $name ($DURATION, $CONNECTIONS connections) -- load: $(uptime | sed 's/.*load/load/')"
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$name.lua" "http://127.0.0.1:$PORT" -- "$OUT/ids.txt" \
    | tee "$OUT/wrk-$name.txt"
done
psql -h 127.0.0.1 -U postgres -d "$DB" -f explain.sql > "$OUT/explain.txt"
echo "EXPLAIN plans: $OUT/explain.txt"
