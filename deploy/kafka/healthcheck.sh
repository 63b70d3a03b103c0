#!/bin/bash
# The broker answers an authenticated client (the admin, over the internal listener).
set -eu
properties=/tmp/vigil-health.properties
printf 'security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="%s";\n' \
	"$VIGIL_KAFKA_ADMIN_PASSWORD" >"$properties"
# A small heap for the probe's own JVM: it would otherwise inherit the broker's 512 MB.
KAFKA_HEAP_OPTS='-Xms32m -Xmx64m' exec /opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 \
	--command-config "$properties" >/dev/null 2>&1
