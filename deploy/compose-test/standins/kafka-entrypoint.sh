#!/bin/bash
# Stand-in for the apache/kafka image (compose-test only): the same Kafka broker jars devstack
# runs, configured the way apache/kafka is: every KAFKA_* variable becomes a server property
# (KAFKA_LOG_DIRS -> log.dirs; ___ -> '-', __ -> '_'), CLUSTER_ID formats the KRaft storage.
set -euo pipefail
props=/tmp/server.properties
: >"$props"
while IFS='=' read -r name value; do
	case "$name" in
	KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_PERFORMANCE_OPTS | KAFKA_LOG4J_OPTS | KAFKA_JMX_OPTS) continue ;;
	KAFKA_*) ;;
	*) continue ;;
	esac
	key="${name#KAFKA_}"
	key="${key,,}"
	key="${key//___/-}"
	key="${key//__/@}"
	key="${key//_/.}"
	key="${key//@/_}"
	printf '%s=%s\n' "$key" "$value" >>"$props"
done < <(env)
: "${CLUSTER_ID:?CLUSTER_ID is required}"
cp="/opt/kafka/libs/*"
log_dir="$(sed -n 's/^log.dirs=//p' "$props")"
mkdir -p "${log_dir:-/var/lib/kafka/data}"
java -Xmx128m -cp "$cp" kafka.tools.StorageTool format --ignore-formatted -t "$CLUSTER_ID" -c "$props" ${KAFKA_FORMAT_ARGS:-}
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx512m} -XX:+ExitOnOutOfMemoryError -Dlog4j2.statusLoggerLevel=ERROR -cp "$cp" kafka.Kafka "$props"
