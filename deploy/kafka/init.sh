#!/bin/bash
# kafka-init (compose and the k8s dev overlay, apache/kafka image): one SCRAM-SHA-512 user per
# service (password from KAFKA_<SERVICE>_PASSWORD) and the ACLs of acls.txt next to this
# script, as the broker's admin (SASL/PLAIN, a super user). Idempotent: a re-run resets the
# passwords to the ones given and adds ACLs that are missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${KAFKA_BIN:-/opt/kafka/bin}"
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
: "${VIGIL_KAFKA_ADMIN_PASSWORD:?the password of the broker admin}"
export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms32m -Xmx128m}"
admin="$(mktemp)"
trap 'rm -f "$admin"' EXIT
cat >"$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$VIGIL_KAFKA_ADMIN_PASSWORD";
PROPERTIES

declare -A passwords=([ingest-service]="${KAFKA_INGEST_PASSWORD:-}" [processing-service]="${KAFKA_PROCESSING_PASSWORD:-}"
	[catalog-api]="${KAFKA_CATALOG_PASSWORD:-}" [notification-service]="${KAFKA_NOTIFICATION_PASSWORD:-}")
for user in "${!passwords[@]}"; do
	if [ -z "${passwords[$user]}" ]; then
		echo "kafka-init: no password for $user" >&2
		exit 1
	fi
	"$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin" --alter --entity-type users \
		--entity-name "$user" --add-config "SCRAM-SHA-512=[iterations=8192,password=${passwords[$user]}]" >/dev/null
	echo "kafka-init: SCRAM user $user"
done

while read -r user operations resource names; do
	case "$user" in '' | '#'*) continue ;; esac
	args=(--bootstrap-server "$bootstrap" --command-config "$admin" --add --allow-principal "User:$user")
	IFS=',' read -ra ops <<<"$operations"
	for op in "${ops[@]}"; do args+=(--operation "$op"); done
	IFS=',' read -ra each <<<"$names"
	for name in "${each[@]}"; do args+=("--$resource" "$name"); done
	"$bin/kafka-acls.sh" "${args[@]}" >/dev/null
	echo "kafka-init: $user may $operations $resource $names"
done <"$here/acls.txt"
