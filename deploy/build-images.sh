#!/usr/bin/env bash
# Builds the seven service images with Jib (root pom, profile "images"); no Docker daemon needed.
#   deploy/build-images.sh                         tarballs for this machine's platform: <service>/target/jib-image.tar
#   deploy/build-images.sh --platform linux/arm64  tarballs for a Pi (load with: docker load -i ...)
#   deploy/build-images.sh --push REGISTRY [--tag TAG]  multi-arch images (amd64 + arm64) pushed to REGISTRY/<service>:TAG
#   deploy/build-images.sh --base tar:///path/base.tar  another base image (a tarball, or registry://..., docker://...)
# The Temurin base image is pulled from Docker Hub, so this needs network access to it (or --base).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES="identity-service,catalog-api,processing-service,notification-service,ui,gateway-edge,ingest-service"

case "$(uname -m)" in
aarch64 | arm64) platform=linux/arm64 ;;
*) platform=linux/amd64 ;;
esac
push="" tag="" base=""
while [ $# -gt 0 ]; do
	case "$1" in
	--platform) platform="$2"; shift 2 ;;
	--push) push="$2"; shift 2 ;;
	--tag) tag="$2"; shift 2 ;;
	--base) base="$2"; shift 2 ;;
	*) sed -n '2,7p' "$0" >&2; exit 2 ;;
	esac
done

cd "$ROOT"
# processing-service's image carries the NanoDet model (processing-service/pom.xml): without it
# the service would refuse to start.
for file in nanodet.json nanodet.bin; do
	[ -f ".vigil/models/nanodet/$file" ] || { echo "build-images: .vigil/models/nanodet/$file is missing: run ./vigil setup (or ./vigil images)" >&2; exit 1; }
done
common=(-B -Pimages -pl "$SERVICES" -am -DskipTests -Dspring-javaformat.skip=true -Djacoco.skip=true ${base:+"-Dvigil.image.base=$base"})
if [ -n "$push" ]; then
	exec ./mvnw "${common[@]}" package jib:build -Dvigil.image.registry="$push" ${tag:+"-Dvigil.image.tag=$tag"}
fi
# Jib writes multi-platform images only to a registry: one platform per tarball, in Docker's
# format so that `docker load` takes it on any Docker version.
./mvnw "${common[@]}" package jib:buildTar -Djib.from.platforms="$platform" -Djib.container.format=Docker \
	${tag:+"-Dvigil.image.tag=$tag"}
for service in ${SERVICES//,/ }; do
	ls -l "$service/target/jib-image.tar"
done
