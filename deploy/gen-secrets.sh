#!/usr/bin/env bash
# Generates the secrets a deployment needs, with random values, in files git ignores.
#   deploy/gen-secrets.sh compose            -> .env (docker-compose.yml); on an existing .env, adds
#                                               the secrets it lacks (an upgrade) and changes nothing else
#   deploy/gen-secrets.sh edge               -> .env.edge (docker-compose.edge.yml; paste the platform's ingest S3 keys)
#   deploy/gen-secrets.sh k8s dev|production|edge -> k8s/overlays/<overlay>/secrets/{secrets.env,signing-key.pem}
#   deploy/gen-secrets.sh address            -> prints the address it would use for this host
# VIGIL_ENV_FILE=PATH writes the compose .env elsewhere (./vigil compose-test does).
# Never overwrites a secret (delete the file to regenerate): rotating a secret is a decision.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="${VIGIL_VERSION:-0.1.0-SNAPSHOT}"

random_secret() { # length -> [A-Za-z0-9]{length}
	local out=""
	while [ "${#out}" -lt "$1" ]; do
		out+="$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
	done
	printf '%s' "${out:0:$1}"
}

refuse_existing() {
	if [ -e "$1" ]; then
		echo "gen-secrets: $1 exists; delete it first to regenerate (running services keep the old values)" >&2
		exit 1
	fi
}

signing_key() { # file: RSA 3072 private key, PKCS#8 PEM, for identity-service's token signatures
	command -v openssl >/dev/null || { echo "gen-secrets: openssl is needed for the signing key" >&2; exit 1; }
	mkdir -p "$(dirname "$1")"
	(umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$1" 2>/dev/null)
}

# The address cameras and browsers use to reach this host. Order: VIGIL_ADDRESS, the source
# address of the default route, a prompt on a terminal; otherwise refuse (a copied example
# address would make the UI miss the issuer and passive FTP announce a wrong host).
host_address() {
	local address="${VIGIL_ADDRESS:-}"
	if [ -z "$address" ] && command -v ip >/dev/null; then
		address="$(ip -4 route get 192.0.2.1 2>/dev/null | sed -n 's/.* src \([0-9.]*\).*/\1/p' | head -n1)"
		[ -n "$address" ] && echo "gen-secrets: detected this host's address $address (override with VIGIL_ADDRESS=...)" >&2
	fi
	if [ -z "$address" ] && [ -t 0 ]; then
		read -r -p "Address cameras and browsers use to reach this host: " address
	fi
	case "$address" in
	'' | 127.* | localhost | 0.0.0.0)
		echo "gen-secrets: no usable address for this host${address:+ ($address is loopback)}; run again with VIGIL_ADDRESS=<LAN address or name>" >&2
		exit 1
		;;
	esac
	printf '%s\n' "$address"
}

# Every secret .env.example leaves empty, with how it is made.
COMPOSE_SECRETS=(MONGO_ROOT_PASSWORD MONGO_CATALOG_PASSWORD MONGO_IDENTITY_PASSWORD MONGO_NOTIFICATION_PASSWORD
	REDIS_PASSWORD VIGIL_S3_ACCESS_KEY VIGIL_S3_SECRET_KEY
	VIGIL_S3_INGEST_ACCESS_KEY VIGIL_S3_INGEST_SECRET_KEY VIGIL_S3_PROCESSING_ACCESS_KEY VIGIL_S3_PROCESSING_SECRET_KEY
	VIGIL_S3_CATALOG_ACCESS_KEY VIGIL_S3_CATALOG_SECRET_KEY VIGIL_S3_NOTIFICATION_ACCESS_KEY
	VIGIL_S3_NOTIFICATION_SECRET_KEY VIGIL_UI_CLIENT_SECRET VIGIL_INGEST_ADMIN_TOKEN VIGIL_NOTIFICATION_SECRET_KEY
	VIGIL_MQTT_SERVICE_PASSWORD VIGIL_MQTT_PASSWORD VIGIL_KAFKA_ADMIN_PASSWORD KAFKA_INGEST_PASSWORD
	KAFKA_PROCESSING_PASSWORD KAFKA_CATALOG_PASSWORD KAFKA_NOTIFICATION_PASSWORD)

secret_value() { # name -> a fresh value
	case "$1" in
	VIGIL_S3_ACCESS_KEY) printf 'vigil%s' "$(random_secret 15)" ;;
	# A service's MinIO user: its name says whose it is (the secret is what is secret).
	VIGIL_S3_*_ACCESS_KEY)
		local service="${1#VIGIL_S3_}"
		service="${service%_ACCESS_KEY}"
		printf 'vigil-%s' "$(printf '%s' "$service" | tr 'A-Z' 'a-z')"
		;;
	VIGIL_S3_SECRET_KEY | VIGIL_S3_*_SECRET_KEY | VIGIL_UI_CLIENT_SECRET | VIGIL_INGEST_ADMIN_TOKEN) random_secret 40 ;;
	VIGIL_NOTIFICATION_SECRET_KEY) random_secret 48 ;;
	*) random_secret 32 ;;
	esac
}

# An .env written by an older version lacks the secrets added since: fill in those (and only
# those, the others stay as they are); refuse when nothing is missing.
upgrade_compose() { # env file
	local env="$1" name added=()
	for name in "${COMPOSE_SECRETS[@]}"; do
		grep -q "^$name=." "$env" && continue
		if grep -q "^$name=\$" "$env"; then
			sed -i "s|^$name=\$|$name=$(secret_value "$name")|" "$env"
		else
			printf '%s=%s\n' "$name" "$(secret_value "$name")" >>"$env"
		fi
		added+=("$name")
	done
	if [ "${#added[@]}" -eq 0 ]; then
		refuse_existing "$env"
	fi
	chmod 600 "$env"
	echo "Added ${added[*]} to $env (the other values are unchanged)."
	case " ${added[*]} " in
	*" MONGO_CATALOG_PASSWORD "* | *" MONGO_IDENTITY_PASSWORD "* | *" MONGO_NOTIFICATION_PASSWORD "*)
		echo "An existing MongoDB volume needs the new users once (docs/operations.md, \"Per-service credentials\"):"
		echo "  docker compose up -d mongodb && docker compose exec mongodb sh -c 'mongosh --quiet -u vigil -p \"\$MONGO_INITDB_ROOT_PASSWORD\" --authenticationDatabase admin /docker-entrypoint-initdb.d/create-users.js'"
		;;
	esac
	echo "Then: docker compose up -d"
}

compose() {
	local env="${VIGIL_ENV_FILE:-$ROOT/.env}"
	if [ -e "$env" ]; then
		upgrade_compose "$env"
		return
	fi
	local address public_url cookie_secure
	address="$(host_address)"
	public_url="${VIGIL_PUBLIC_URL:-http://$address:8080}"
	case "$public_url" in
	https://*) cookie_secure=true ;;
	http://*) cookie_secure=false ;;
	*)
		echo "gen-secrets: VIGIL_PUBLIC_URL must start with http:// or https://" >&2
		exit 1
		;;
	esac
	local substitutions=(-e "s|^VIGIL_VERSION=.*|VIGIL_VERSION=$VERSION|"
		-e "s|^VIGIL_PUBLIC_URL=.*|VIGIL_PUBLIC_URL=$public_url|"
		-e "s|^VIGIL_COOKIE_SECURE=.*|VIGIL_COOKIE_SECURE=$cookie_secure|"
		-e "s|^VIGIL_KAFKA_EXTERNAL_ADDRESS=.*|VIGIL_KAFKA_EXTERNAL_ADDRESS=$address|"
		-e "s|^VIGIL_FTP_EXTERNAL_ADDRESS=.*|VIGIL_FTP_EXTERNAL_ADDRESS=$address|") name
	for name in "${COMPOSE_SECRETS[@]}"; do
		substitutions+=(-e "s|^$name=.*|$name=$(secret_value "$name")|")
	done
	umask 077
	sed "${substitutions[@]}" "$ROOT/.env.example" >"$env"
	chmod 600 "$env"
	echo "Wrote $env for $public_url (cameras: $address). Check the addresses in it, then: docker compose up -d"
	echo "Home Assistant's MQTT account: VIGIL_MQTT_USER / VIGIL_MQTT_PASSWORD in $env (broker $address:1883)"
}

edge() {
	local env="$ROOT/.env.edge"
	refuse_existing "$env"
	umask 077
	sed -e "s|^VIGIL_VERSION=.*|VIGIL_VERSION=$VERSION|" \
		-e "s|^VIGIL_INGEST_ADMIN_TOKEN=.*|VIGIL_INGEST_ADMIN_TOKEN=$(random_secret 40)|" \
		"$ROOT/.env.edge.example" >"$env"
	chmod 600 "$env"
	echo "Wrote $env. Fill in the platform's Kafka/S3 endpoints and its ingest S3 keys (VIGIL_S3_INGEST_*), then:"
	echo "  docker compose -f docker-compose.edge.yml --env-file .env.edge up -d"
}

k8s() {
	local overlay="${1:-}"
	case "$overlay" in dev | production | edge) ;; *) echo "usage: $0 k8s dev|production|edge" >&2; exit 2 ;; esac
	local dir="$ROOT/k8s/overlays/$overlay/secrets"
	refuse_existing "$dir/secrets.env"
	mkdir -p "$dir"
	umask 077
	local mongo_user=vigil mongo_password name service
	mongo_password="$(random_secret 32)"
	{
		echo "# Generated by deploy/gen-secrets.sh; keys are documented in k8s/secrets.env.example."
		if [ "$overlay" != edge ]; then
			if [ "$overlay" = dev ]; then
				echo "MONGO_ROOT_USERNAME=$mongo_user"
				echo "MONGO_ROOT_PASSWORD=$mongo_password"
				# One user per database (created by the mongodb StatefulSet's init script).
				for service in catalog identity notification; do
					name="MONGO_$(printf '%s' "$service" | tr 'a-z' 'A-Z')_PASSWORD"
					local password
					password="$(random_secret 32)"
					echo "$name=$password"
					echo "VIGIL_$(printf '%s' "$service" | tr 'a-z' 'A-Z')_MONGODB_URI=mongodb://$service:$password@mongodb:27017/vigil-$service?authSource=vigil-$service"
				done
				echo "VIGIL_KAFKA_ADMIN_PASSWORD=$(random_secret 32)"
				# MinIO's root pair: the minio StatefulSet and the minio-init Job only.
				echo "VIGIL_S3_ACCESS_KEY=vigil$(random_secret 15)"
				echo "VIGIL_S3_SECRET_KEY=$(random_secret 40)"
			else
				for service in catalog identity notification; do
					echo "VIGIL_$(printf '%s' "$service" | tr 'a-z' 'A-Z')_MONGODB_URI=mongodb+srv://$service:REPLACE@mongodb.example.internal/vigil-$service?authSource=admin"
				done
			fi
			echo "SPRING_DATA_REDIS_PASSWORD=$(random_secret 32)"
			echo "VIGIL_UI_CLIENT_SECRET=$(random_secret 40)"
			echo "VIGIL_NOTIFICATION_SECRET_KEY=$(random_secret 48)"
			echo "VIGIL_MQTT_SERVICE_PASSWORD=$(random_secret 32)"
			echo "VIGIL_MQTT_PASSWORD=$(random_secret 32)"
			for name in PROCESSING CATALOG NOTIFICATION; do
				echo "KAFKA_${name}_PASSWORD=$(random_secret 32)"
				echo "VIGIL_S3_${name}_ACCESS_KEY=$(secret_value "VIGIL_S3_${name}_ACCESS_KEY")"
				echo "VIGIL_S3_${name}_SECRET_KEY=$(random_secret 40)"
			done
		fi
		# The edge overlay: paste the platform's ingest pair here.
		echo "KAFKA_INGEST_PASSWORD=$(random_secret 32)"
		echo "VIGIL_S3_INGEST_ACCESS_KEY=$(secret_value VIGIL_S3_INGEST_ACCESS_KEY)"
		echo "VIGIL_S3_INGEST_SECRET_KEY=$(random_secret 40)"
		echo "VIGIL_INGEST_ADMIN_TOKEN=$(random_secret 40)"
	} >"$dir/secrets.env"
	[ "$overlay" = edge ] || [ -f "$dir/signing-key.pem" ] || signing_key "$dir/signing-key.pem"
	echo "Wrote $dir. Then: kubectl apply -k k8s/overlays/$overlay"
	[ "$overlay" = dev ] || echo "First replace the managed services' credentials in $dir/secrets.env."
}

case "${1:-}" in
compose) compose ;;
address) host_address ;;
edge) edge ;;
k8s) k8s "${2:-}" ;;
*)
	sed -n '2,7p' "$0" >&2
	exit 2
	;;
esac
