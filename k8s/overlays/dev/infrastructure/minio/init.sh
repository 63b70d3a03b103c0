#!/bin/sh
# minio-init (compose and the k8s dev overlay): the media bucket, then one MinIO user per
# service with a policy of its own (vigil-<service>.json next to this script; @BUCKET@ becomes
# VIGIL_S3_BUCKET). Only this job and MinIO itself hold the root pair. Idempotent: a re-run
# re-applies the policies and resets each user's secret to the one it is given.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
work="${TMPDIR:-/tmp}/vigil-minio-init"
mkdir -p "$work"
mc() { command mc --quiet --config-dir "$work/mc" "$@"; }

: "${MINIO_ROOT_USER:?the MinIO root user}" "${MINIO_ROOT_PASSWORD:?the MinIO root password}"
: "${VIGIL_S3_BUCKET:?the media bucket}"
mc alias set vigil "${VIGIL_S3_ENDPOINT:-http://minio:9000}" "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null
mc mb --ignore-existing "vigil/$VIGIL_S3_BUCKET"

user() { # service access-key secret-key
	service="$1" access="$2" secret="$3"
	if [ -z "$access" ] || [ -z "$secret" ]; then
		echo "minio-init: the $service S3 key pair is not set" >&2
		exit 1
	fi
	if [ "$access" = "$MINIO_ROOT_USER" ]; then
		echo "minio-init: $service must not use the root user" >&2
		exit 1
	fi
	sed "s|@BUCKET@|$VIGIL_S3_BUCKET|g" "$here/vigil-$service.json" >"$work/vigil-$service.json"
	mc admin policy create vigil "vigil-$service" "$work/vigil-$service.json" >/dev/null
	mc admin user add vigil "$access" "$secret" >/dev/null
	# Attaching an attached policy is an error in mc; the user info says whether it is.
	if ! mc admin user info vigil "$access" | grep -q "vigil-$service"; then
		mc admin policy attach vigil "vigil-$service" --user "$access" >/dev/null
	fi
	echo "minio-init: user $access has policy vigil-$service"
}

user ingest "${VIGIL_S3_INGEST_ACCESS_KEY:-}" "${VIGIL_S3_INGEST_SECRET_KEY:-}"
user processing "${VIGIL_S3_PROCESSING_ACCESS_KEY:-}" "${VIGIL_S3_PROCESSING_SECRET_KEY:-}"
user catalog "${VIGIL_S3_CATALOG_ACCESS_KEY:-}" "${VIGIL_S3_CATALOG_SECRET_KEY:-}"
user notification "${VIGIL_S3_NOTIFICATION_ACCESS_KEY:-}" "${VIGIL_S3_NOTIFICATION_SECRET_KEY:-}"
rm -rf "$work"
