#!/bin/bash
# Stand-in for the minio/minio image (compose-test only): S3Proxy with its filesystem backend,
# taking MinIO's root credentials and `server DIR --address :PORT` arguments. One identity, no
# users or policies: what it cannot show is listed in docs/operations.md.
set -euo pipefail
data=/data address=":9000"
while [ $# -gt 0 ]; do
	case "$1" in
	server) data="$2"; shift 2 ;;
	--address) address="$2"; shift 2 ;;
	*) shift ;;
	esac
done
: "${MINIO_ROOT_USER:?MINIO_ROOT_USER is required}" "${MINIO_ROOT_PASSWORD:?MINIO_ROOT_PASSWORD is required}"
conf=/tmp/s3proxy.conf
(umask 077 && cat >"$conf" <<CONF
s3proxy.endpoint=http://0.0.0.0${address}
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=${MINIO_ROOT_USER}
s3proxy.credential=${MINIO_ROOT_PASSWORD}
jclouds.provider=filesystem
jclouds.filesystem.basedir=${data}
CONF
)
exec java -Xmx256m -jar /opt/s3proxy/s3proxy.jar --properties "$conf"
