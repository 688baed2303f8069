#!/usr/bin/env bash
# Per-request database work, load-independent: starts the packaged service with auto_explain on its connections
# (ANALYZE, BUFFERS, no timing), sends each request of a list once after one warm-up pass, one at a time, and
# prints per request "buffers statements curl-ms statement-ms path" (buffers = shared hit + read of every
# statement the request ran, each plan's root node). The plans themselves stay in <out>.d/<n>.log.
#   query-service/bench/request-buffers.sh <app dir> <db> <port> <paths file> <out>
# e.g. request-buffers.sh query-service/target/quarkus-app nf_x_1m 29383 query-service/bench/request-paths.txt /tmp/rb.txt
# Needs: the PostgreSQL server log readable at $NEWSFLOW_PG_LOG (Debian's default below), curl, java.
set -euo pipefail
APP=$1; DB=$2; PORT=$3; URLS=$4; OUT=$5
LOG=${NEWSFLOW_PG_LOG:-/var/log/postgresql/postgresql-15-main.log}
OPTS="-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 -c auto_explain.log_analyze=on -c auto_explain.log_buffers=on -c auto_explain.log_timing=off -c auto_explain.log_nested_statements=off"
ENC=$(python3 -c "import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1]))" "$OPTS")
NEWSFLOW_DB_POOL_MAX=2 NEWSFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?options=$ENC" QUARKUS_HTTP_PORT=$PORT \
  KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 NEWSFLOW_GROUP_ID=newsflow-query-bench \
  java -jar "$APP/quarkus-run.jar" > "$OUT.service.log" 2>&1 &
SVC=$!
trap 'kill $SVC 2>/dev/null || true' EXIT
for _ in $(seq 1 1800); do curl -sf "http://127.0.0.1:$PORT/articles?limit=1" >/dev/null && break; kill -0 $SVC || exit 1; sleep 1; done
while read -r url; do curl -s -o /dev/null "http://127.0.0.1:$PORT$url"; done < <(grep -v "^#" "$URLS")   # warm-up
: > "$OUT"; mkdir -p "$OUT.d"; i=0
while read -r url; do
  i=$((i+1))
  start=$(wc -c < "$LOG")
  ms=$(curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$PORT$url")
  sleep 0.3
  tail -c +"$((start + 1))" "$LOG" > "$OUT.d/$i.log"
  awk -v db="postgres@$DB" -v url="$url" -v ms="$ms" '
    index($0, db) && /plan:/ { inplan=1; stmts++; if (match($0, /duration: [0-9.]+/)) dur+=substr($0, RSTART+10, RLENGTH-10); next }
    inplan && /Buffers: shared/ { n=0; if (match($0, /hit=[0-9]+/)) n+=substr($0, RSTART+4, RLENGTH-4);
      if (match($0, /read=[0-9]+/)) n+=substr($0, RSTART+5, RLENGTH-5); buf+=n; inplan=0 }
    END { printf "%d %d %.0f %.1f %s\n", buf, stmts, ms*1000, dur, url }' "$OUT.d/$i.log" >> "$OUT"
done < <(grep -v "^#" "$URLS")
