#!/bin/bash
# Runs a Kafka class on the broker's classpath (the tools are thin wrappers around this script).
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${KAFKA_OPTS:-} \
  -Dlog4j2.configurationFile="${KAFKA_LOG4J_CONFIG:-/opt/kafka/config/tools-log4j2.properties}" \
  -cp "/opt/kafka/libs/*" "$@"
