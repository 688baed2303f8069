#!/usr/bin/env bash
# CPU per request, load-independent: starts the packaged service on a pool of 2 connections, sends every path of a
# list one at a time (warm-up passes first, for the JIT and the page cache), then measures passes over the list and
# prints the CPU time (user + sys, from /proc) per request of the JVM (all of it, and its request-serving threads)
# and of the service's PostgreSQL backends,
# and the mean wall time of the sequential requests. CPU does not depend on what else runs on the machine (within
# cache effects); the wall time does.
#   query-service/bench/request-cpu.sh <app dir> <db> <port> <paths file> [measured passes, default 2] [warm-up passes, default 2]
# e.g. request-cpu.sh query-service/target/quarkus-app nf_x_1m 29183 query-service/bench/request-paths-search.txt 3
# Extra service settings: NEWSFLOW_BENCH_JAVA_OPTS (e.g. -Dnewsflow.query.search.snippet-max-chars=600).
# Needs: curl, java, psql; run as a user who can read the PostgreSQL backends' /proc/<pid>/stat (root or postgres).
set -euo pipefail
APP=$1; DB=$2; PORT=$3; URLS=$4; PASSES=${5:-2}; WARM=${6:-2}
LOG=$(mktemp)
# A marker in the connections' application_name finds the service's backends and nothing else.
MARK="request-cpu-$$"
NEWSFLOW_DB_POOL_MAX=2 NEWSFLOW_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB?ApplicationName=$MARK" \
  QUARKUS_HTTP_PORT=$PORT KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1 NEWSFLOW_GROUP_ID=newsflow-query-bench \
  java ${NEWSFLOW_BENCH_JAVA_OPTS:-} -jar "$APP/quarkus-run.jar" > "$LOG" 2>&1 &
SVC=$!
trap 'kill $SVC 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 1800); do curl -sf "http://127.0.0.1:$PORT/articles?limit=1" >/dev/null && break; kill -0 $SVC || { cat "$LOG"; exit 1; }; sleep 1; done
mapfile -t PATHS < <(grep -v "^#" "$URLS")
pass() { for url in "${PATHS[@]}"; do curl -s -o /dev/null "http://127.0.0.1:$PORT$url"; done; }
for _ in $(seq 1 "$WARM"); do pass; done
BACKENDS=$(psql -h 127.0.0.1 -U postgres -tAc "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity WHERE application_name = '$MARK'")
TICK=$(getconf CLK_TCK)
ticks() { local t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo $t; }
# The threads that serve requests (HTTP event loops, worker pool); the rest of the JVM's CPU is mostly the JIT
# compilers, still busy after a few hundred requests, and idle background threads (the Kafka client's reconnects).
served() { local t=0; for d in /proc/$SVC/task/*; do case $(cat "$d/comm") in executor-thread*|vert.x-eventloo*)
  t=$((t + $(awk '{print $14 + $15}' "$d/stat")));; esac; done; echo $t; }
jvm0=$(ticks $SVC); srv0=$(served); db0=$(ticks $BACKENDS); t0=$(date +%s%N)
for _ in $(seq 1 "$PASSES"); do pass; done
t1=$(date +%s%N); jvm1=$(ticks $SVC); srv1=$(served); db1=$(ticks $BACKENDS)
[ "$BACKENDS" = "$(psql -h 127.0.0.1 -U postgres -tAc "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity WHERE application_name = '$MARK'")" ] \
  || echo "warning: the service's connections changed during the measurement" >&2
N=$(( ${#PATHS[@]} * PASSES ))
awk -v n=$N -v j=$((jvm1 - jvm0)) -v s=$((srv1 - srv0)) -v d=$((db1 - db0)) -v hz=$TICK -v ns=$((t1 - t0)) -v loadavg="$(cut -d' ' -f1-3 /proc/loadavg)" \
  'BEGIN { printf "requests %d  jvm %.2f ms/request (request threads %.2f)  db %.2f ms/request  wall %.1f ms/request  (load %s)\n",
    n, j * 1000 / hz / n, s * 1000 / hz / n, d * 1000 / hz / n, ns / 1e6 / n, loadavg }'
