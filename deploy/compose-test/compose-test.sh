#!/usr/bin/env bash
# ./vigil compose-test: runs the real docker-compose.yml on this machine with podman, the way a
# user runs it, and walks a user's first hour through it:
#   images built with Jib (deploy/build-images.sh) on a base made here from Debian packages and
#   the JDK, loaded with podman load; infrastructure images that no registry can give here
#   replaced by stand-ins built locally (deploy/compose-test/standins.yml says which and why);
#   `docker-compose up` (health-gated start order), a camera account, a real picture uploaded
#   over FTP in passive mode through the published ports, the picture processed (thumbnail),
#   a sign-in over the http:// public URL (cookies as a browser keeps them), an API client
#   created in the admin pages, its client-credentials token and the API through the gateway,
#   then `docker-compose down -v` and a check that nothing is left.
# Installs what it needs (Debian packages) and caches the base images under .vigil/cache.
# Usage: deploy/compose-test/compose-test.sh [--keep] [--reuse-images]
#   --keep: leave the platform running (also after a failure); --down: stop what --keep left;
#   --reuse-images: keep service images already loaded
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/deploy/compose-test"
STATE="${VIGIL_HOME:-$ROOT/.vigil}"
WORK="$STATE/compose-test"
CACHE="$STATE/cache/compose-test"
PROJECT=vigil-compose-test
VERSION=0.1.0-SNAPSHOT
SERVICES=(identity-service catalog-api processing-service notification-service ui gateway-edge ingest-service)
SUITE=bookworm
# Host ports away from ./vigil up's, so both can run on one machine; the passive range is fixed
# by the compose file (the numbers are announced in PASV replies).
HTTP_PORT="${VIGIL_CT_HTTP_PORT:-18080}"
FTP_PORT="${VIGIL_CT_FTP_PORT:-12121}"
SFTP_PORT="${VIGIL_CT_SFTP_PORT:-12222}"
MQTT_PORT="${VIGIL_CT_MQTT_PORT:-11883}"
KEEP=0 REUSE=0 DOWN=0
for arg in "$@"; do
	case "$arg" in
	--keep) KEEP=1 ;;
	--reuse-images) REUSE=1 ;;
	--down) DOWN=1 ;;
	*) sed -n '2,15p' "$0" >&2; exit 2 ;;
	esac
done

say() { printf 'compose-test: %s\n' "$*"; }
die() { printf 'compose-test: FAILED: %s\n' "$*" >&2; exit 1; }
step_started=$(date +%s)
step() { say "$* (+$(($(date +%s) - step_started)) s)"; }

# --- what it needs ---------------------------------------------------------------------------

PACKAGES=(podman runc containernetworking-plugins golang-github-containernetworking-plugin-dnsname
	slirp4netns docker-compose mmdebstrap curl iproute2 openssl)

ensure_packages() {
	local missing=() package
	for package in "${PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' || missing+=("$package")
	done
	[ "${#missing[@]}" -eq 0 ] && return 0
	[ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null \
		|| die "missing Debian packages: ${missing[*]} (apt-get install ${missing[*]}; compose-test runs as root)"
	say "installing ${missing[*]}"
	apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || true
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null || die "could not install ${missing[*]}"
}

# podman's settings for this test only (the host's files stay untouched): runc, because crun
# refuses this machine's hybrid cgroup layout; no default ulimits, which a nested container may
# not raise (setrlimit EPERM).
podman_env() {
	mkdir -p "$WORK"
	cat >"$WORK/containers.conf" <<'EOF'
[containers]
default_ulimits = []
[engine]
runtime = "runc"
EOF
	export CONTAINERS_CONF="$WORK/containers.conf"
}

# --- images ------------------------------------------------------------------------------------

find_jdk() {
	local candidate
	for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
		if [ -n "$candidate" ] && [ -x "$candidate/bin/jlink" ]; then
			export JAVA_HOME="$candidate"
			return 0
		fi
	done
	die "a JDK 25 with jlink is needed (JAVA_HOME)"
}

# A Debian root file system (mmdebstrap, minbase) -> podman image NAME, cached by its package list.
debian_image() { # name packages
	local name="$1" packages="$2" key
	key="$(basename "${1%%:*}")"
	local tar="$CACHE/$key-$SUITE.tar"
	podman image exists "$name" && return 0
	if [ ! -f "$tar" ] || [ ! -s "$tar" ]; then
		rm -rf "$tar"
		step "building a Debian $SUITE root file system for $name ($packages)"
		mkdir -p "$CACHE"
		# mmdebstrap picks the output format from the name: it must end in .tar.
		rm -rf "$tar.part.tar"
		mmdebstrap --quiet --variant=minbase --include="$packages" --components=main "$SUITE" "$tar.part.tar" \
			http://deb.debian.org/debian >"$CACHE/$key.log" 2>&1 || die "mmdebstrap failed (see $CACHE/$key.log)"
		mv "$tar.part.tar" "$tar"
	fi
	podman import -q "$tar" "$name" >/dev/null
}

# The Java runtime of every image: jlink of the build's JDK 25 (everything but the dev tools).
jre() {
	local jre="$CACHE/jre-$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
	if [ ! -x "$jre/bin/java" ]; then
		step "linking a Java runtime from $JAVA_HOME"
		local modules
		modules=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' \
			| grep -vE '^jdk\.(internal\.|graal|jshell|javadoc|jdeps|jlink|compiler|jpackage|hotspot\.agent|editpad|jconsole|jdi|jdwp|jartool|jstatd|random)' \
			| paste -sd, -)
		rm -rf "$jre.part"
		"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
			--output "$jre.part" >/dev/null 2>&1 || die "jlink failed"
		mv "$jre.part" "$jre"
	fi
	JRE="$jre"
}

with_jre() { # from name: FROM + the runtime, the way the Temurin image lays it out
	local context="$WORK/context-jre"
	podman image exists "$2" && return 0
	rm -rf "$context" && mkdir -p "$context" && cp -a "$JRE" "$context/jre"
	cat >"$context/Containerfile" <<EOF
FROM $1
COPY jre /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
EOF
	podman build -q -t "$2" "$context" >/dev/null || die "building $2 failed"
	rm -rf "$context"
}

base_images() {
	find_jdk
	jre
	# Vigil's base: what eclipse-temurin:25-jre gives (Debian instead of Ubuntu, bash, CA certs).
	debian_image localhost/vigil-standin/debian:$SUITE ca-certificates,tzdata
	with_jre localhost/vigil-standin/debian:$SUITE localhost/vigil-base/jre:compose-test
	BASE_TAR="$CACHE/vigil-base-jre.tar"
	if [ ! -s "$BASE_TAR" ] || [ "$(podman image inspect -f '{{.Id}}' localhost/vigil-base/jre:compose-test)" != "$(cat "$BASE_TAR.id" 2>/dev/null)" ]; then
		rm -f "$BASE_TAR"
		podman save -q --format docker-archive -o "$BASE_TAR" localhost/vigil-base/jre:compose-test
		podman image inspect -f '{{.Id}}' localhost/vigil-base/jre:compose-test >"$BASE_TAR.id"
	fi
	# The stand-ins' base: the same plus redis-server and curl.
	debian_image localhost/vigil-standin/debian-tools:$SUITE ca-certificates,tzdata,curl,redis-server,procps,mosquitto,mosquitto-clients
	with_jre localhost/vigil-standin/debian-tools:$SUITE localhost/vigil-standin/base:compose-test
}

service_images() {
	local service
	if [ "$REUSE" -eq 1 ]; then
		for service in "${SERVICES[@]}"; do podman image exists "vigil/$service:$VERSION" || REUSE=0; done
		[ "$REUSE" -eq 1 ] && { step "reusing the loaded service images (--reuse-images)"; return 0; }
	fi
	step "building the seven service images with Jib (deploy/build-images.sh --base tar://...)"
	"$ROOT/deploy/build-images.sh" --base "tar://$BASE_TAR" >"$WORK/images.log" 2>&1 \
		|| { tail -40 "$WORK/images.log" >&2; die "building the images failed (log: $WORK/images.log)"; }
	for service in "${SERVICES[@]}"; do
		podman load -q -i "$ROOT/$service/target/jib-image.tar" >/dev/null || die "podman load of $service failed"
		podman image exists "vigil/$service:$VERSION" || die "vigil/$service:$VERSION missing after podman load"
	done
}

standin_images() {
	step "building the infrastructure stand-ins (standins.yml)"
	local context="$WORK/context-standins" lib="$ROOT/devstack/target"
	if [ ! -d "$lib/kafka-lib" ] || [ ! -f "$lib/s3proxy/s3proxy.jar" ]; then
		(cd "$ROOT" && ./mvnw -B -q -pl devstack -am package -DskipTests -Dspring-javaformat.skip=true -Djacoco.skip=true) \
			>"$WORK/devstack.log" 2>&1 || die "building devstack's jars failed (log: $WORK/devstack.log)"
	fi
	rm -rf "$context" && mkdir -p "$context"
	cp "$HERE"/standins/* "$context/"
	cp -a "$lib/kafka-lib" "$context/kafka-lib"
	mkdir -p "$context/lib"
	# The broker's logger and the Mongo wire server with its H2 backend and Netty.
	cp "$lib"/lib/*.jar "$context/lib/"
	# The Mongo stand-in's launcher, compiled here: the image's runtime has no compiler.
	mkdir -p "$context/classes"
	"$JAVA_HOME/bin/javac" -d "$context/classes" -cp "$context/lib/*" "$context/MongoStandin.java" \
		|| die "compiling the Mongo stand-in failed"
	# kafka-init's stand-in (deploy/kafka/acls.txt through the Admin API).
	"$JAVA_HOME/bin/javac" -d "$context/classes" -cp "$context/kafka-lib/*:$context/lib/*" "$context/KafkaInit.java" \
		|| die "compiling the kafka-init stand-in failed"
	cp "$lib/s3proxy/s3proxy.jar" "$context/"
	local standin
	for standin in kafka mongo minio redis mosquitto; do
		podman build -q -f "$context/Containerfile.$standin" -t "localhost/vigil-standin/$standin:compose-test" "$context" \
			>/dev/null || die "building the $standin stand-in failed"
	done
	rm -rf "$context"
}

# --- the platform -------------------------------------------------------------------------------

# podman runs health checks from systemd timers; with no systemd (a container, a CI runner) they
# never run, containers stay "starting" and every depends_on: service_healthy waits forever.
# This loop is that scheduler: `podman healthcheck run` for each container of the project every
# 10 s (the files' interval).
HEALTH_PID=""
run_health_checks() {
	(
		while sleep 10; do
			for container in $(podman ps -q --filter "label=com.docker.compose.project=$PROJECT" 2>/dev/null); do
				timeout 60 podman healthcheck run "$container" >/dev/null 2>&1 &
			done
			wait
		done
	) &
	HEALTH_PID=$!
}

API_PID=""
start_api() {
	# docker-compose talks to podman's Docker-compatible API.
	local socket="$WORK/podman.sock"
	rm -f "$socket"
	podman system service --time=0 "unix://$socket" >"$WORK/podman-service.log" 2>&1 &
	API_PID=$!
	export DOCKER_HOST="unix://$socket"
	local waited=0
	until curl -fs --unix-socket "$socket" http://d/_ping >/dev/null 2>&1; do
		sleep 1
		waited=$((waited + 1))
		[ "$waited" -lt 30 ] || die "podman's API did not start (log: $WORK/podman-service.log)"
	done
}

# docker-compose 1.29 (Debian's) predates the top-level `name:`; the project name is given
# with -p instead, the file is otherwise the one users run.
compose_files() {
	sed '/^name: /d' "$ROOT/docker-compose.yml" >"$WORK/docker-compose.yml"
	cp "$HERE/standins.yml" "$WORK/standins.yml"
	# Relative bind mounts resolve against --project-directory: the broker's config travels along.
	rm -rf "$WORK/deploy/mosquitto" && mkdir -p "$WORK/deploy" && cp -a "$ROOT/deploy/mosquitto" "$WORK/deploy/mosquitto"
}

compose() {
	docker-compose --project-name "$PROJECT" --project-directory "$WORK" --env-file "$WORK/.env" \
		-f "$WORK/docker-compose.yml" -f "$WORK/standins.yml" "$@"
}

write_env() {
	rm -f "$WORK/.env"
	local address
	address="$(VIGIL_ADDRESS="${VIGIL_ADDRESS:-}" "$ROOT/deploy/gen-secrets.sh" address)"
	ADDRESS="$address"
	PUBLIC_URL="http://$address:$HTTP_PORT"
	VIGIL_ENV_FILE="$WORK/.env" VIGIL_ADDRESS="$address" VIGIL_PUBLIC_URL="$PUBLIC_URL" \
		"$ROOT/deploy/gen-secrets.sh" compose >/dev/null
	sed -i -e "s|^VIGIL_HTTP_PORT=.*|VIGIL_HTTP_PORT=$HTTP_PORT|" -e "s|^VIGIL_FTP_PORT=.*|VIGIL_FTP_PORT=$FTP_PORT|" \
		-e "s|^VIGIL_SFTP_PORT=.*|VIGIL_SFTP_PORT=$SFTP_PORT|" -e "s|^VIGIL_MQTT_PORT=.*|VIGIL_MQTT_PORT=$MQTT_PORT|" \
		-e "s|^VIGIL_MQTT_BIND_ADDRESS=.*|VIGIL_MQTT_BIND_ADDRESS=127.0.0.1|" "$WORK/.env"
}

leftovers() {
	{
		podman ps -a --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}}'
		podman volume ls --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Name}}'
		podman network ls --format '{{.Name}}' | grep "^${PROJECT//-/}_\|^${PROJECT}_" || true
	} | sed '/^$/d'
}

teardown() {
	local status=$?
	if [ "$KEEP" -eq 1 ]; then
		echo "$API_PID $HEALTH_PID" >"$WORK/keep.pids"
		say "left running (--keep): $PUBLIC_URL; stop with: $0 --down"
		return
	fi
	if [ -n "$API_PID" ]; then
		if [ "$status" -ne 0 ]; then
			compose ps >&2 || true
			for service in "${SERVICES[@]}" mongodb kafka kafka-init redis minio minio-init mosquitto; do
				compose logs --no-color --tail=30 "$service" >"$WORK/$service.log" 2>&1 || true
			done
			say "last log lines of every container: $WORK/<service>.log"
		fi
		[ -n "$HEALTH_PID" ] && kill "$HEALTH_PID" 2>/dev/null || true
		compose down -v --remove-orphans >"$WORK/down.log" 2>&1 || true
		kill "$API_PID" 2>/dev/null || true
		wait "$API_PID" 2>/dev/null || true
	fi
}

# docker-compose 1.29's `up -d` waits for what others depend on, not for the last services
# (ui); compose v2 has --wait. Every long-running container must report healthy.
wait_healthy() {
	local waited=0 pending container state
	while :; do
		pending=""
		for container in $(compose ps -q); do
			state=$(podman inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}}' "$container")
			case "$state" in
			"running healthy" | "exited "*) ;;
			*) pending="$pending $(podman inspect -f '{{.Name}}' "$container")($state)" ;;
			esac
		done
		[ -z "$pending" ] && return 0
		[ "$waited" -lt 600 ] || die "not healthy after 10 minutes:$pending"
		sleep 5
		waited=$((waited + 5))
	done
}

# --- the user's journey ---------------------------------------------------------------------------

in_container() { # service command...: runs in the service's own container (bash, no curl there)
	local service="$1"
	shift
	podman exec "$(compose ps -q "$service")" "$@"
}

# A plain HTTP/1.1 request from inside a Vigil container (bash's /dev/tcp); prints the body.
http_in() { # service port method path [body] (the token comes from the container's own env)
	in_container "$1" bash -c '
		exec 3<>"/dev/tcp/127.0.0.1/$1"
		printf "%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" \
			"$2" "$3" "$VIGIL_INGEST_ADMIN_TOKEN" "${#4}" "$4" >&3
		sed "1,/^\r$/d" <&3' _ "$2" "$3" "$4" "${5:-}"
}

camera_account() {
	local answer
	answer=$(http_in ingest-service 8084 POST /edge/v1/cameras '{"user":"compose-front","cameraId":"front"}')
	CAMERA_PASSWORD=$(sed -n 's/.*"generatedPassword":"\([^"]*\)".*/\1/p' <<<"$answer")
	[ -n "$CAMERA_PASSWORD" ] || die "the edge did not create the camera account: $answer"
}

upload() {
	local media="$STATE/media/darknet/person.jpg"
	[ -f "$media" ] || die "test media missing ($media; ./vigil setup fetches it)"
	local name
	name="MDAlarm_$(date -u -d '-1 min' +%Y%m%d-%H%M%S).jpg"
	# Passive mode (curl's default): the data connection goes to the announced address and one
	# of the published passive ports, through the container NAT.
	curl -fsS --ftp-pasv --ftp-create-dirs -T "$media" \
		"ftp://compose-front:$CAMERA_PASSWORD@$ADDRESS:$FTP_PORT/front/00626E5A2B1C/snap/$name" \
		|| die "FTP upload to $ADDRESS:$FTP_PORT failed"
	SHA256=$(sha256sum "$media" | cut -d' ' -f1)
}

# Sign-in as a browser does it, over the http:// public URL: the UI sends us to the identity
# service's login page; after the first sign-in the initial admin password must be changed.
# curl's cookie engine keeps Secure cookies away from http:// like browsers do, so a Secure
# session cookie on an http:// URL shows up here as a login loop.
JAR=""
# A browser's Accept header: the authorization server sends only text/html requests to its
# login page (others get a bare 401).
BROWSER_ACCEPT='text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
browser() {
	curl -sS -b "$JAR" -c "$JAR" -L --max-redirs 20 -H "Accept: $BROWSER_ACCEPT" -o "$WORK/page.html" \
		-w '%{url_effective}' "$@"
}
csrf() { sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p; s/.*value="\([^"]*\)"[^>]*name="_csrf".*/\1/p' "$WORK/page.html" | head -n1; }

sign_in() {
	JAR="$WORK/cookies.txt"
	rm -f "$JAR"
	local admin_password new_password url
	admin_password=$(in_container identity-service cat /var/lib/vigil/identity/admin-initial-password) \
		|| die "no initial admin password in identity-service's data volume"
	url=$(browser "$PUBLIC_URL/")
	case "$url" in */auth/login*) ;; *) die "the UI did not send an anonymous browser to the login page (ended at $url)" ;; esac
	url=$(browser --data-urlencode "username=admin" --data-urlencode "password=$admin_password" \
		--data-urlencode "_csrf=$(csrf)" "$PUBLIC_URL/auth/login")
	if [[ "$url" == */auth/account/password* ]]; then
		new_password="ct-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
		url=$(browser --data-urlencode "current=$admin_password" --data-urlencode "password=$new_password" \
			--data-urlencode "confirmation=$new_password" --data-urlencode "_csrf=$(csrf)" "$PUBLIC_URL/auth/account/password")
	fi
	case "$url" in
	*/auth/login* | */auth/account/password*) die "sign-in loops back to $url (session cookie not kept over http?)" ;;
	esac
	grep -qi 'sign out\|logout' "$WORK/page.html" || die "signed in, but the UI page at $url shows no sign-out"
}

api_client() {
	local url
	url=$(browser "$PUBLIC_URL/admin/clients")
	url=$(browser --data-urlencode "name=compose-test" --data-urlencode "scopes=media:read" \
		--data-urlencode "_csrf=$(csrf)" "$PUBLIC_URL/admin/clients")
	CLIENT_ID=$(sed -n 's/.*<code[^>]*>\([^<]*\)<\/code>.*data-test="client-id".*/\1/p; s/.*data-test="client-id"[^>]*>\([^<]*\)<.*/\1/p' "$WORK/page.html" | head -n1)
	CLIENT_SECRET=$(sed -n 's/.*data-test="client-secret"[^>]*>\([^<]*\)<.*/\1/p' "$WORK/page.html" | head -n1)
	[ -n "$CLIENT_ID" ] && [ -n "$CLIENT_SECRET" ] || die "the admin page did not show a new client's id and secret ($url)"
}

processed() {
	local token answer
	token=$(curl -fsS -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=media:read \
		"$PUBLIC_URL/auth/oauth2/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
	[ -n "$token" ] || die "no client-credentials token from $PUBLIC_URL/auth/oauth2/token"
	for _ in $(seq 1 180); do
		answer=$(curl -s -H "Authorization: Bearer $token" "$PUBLIC_URL/api/v1/media/$SHA256" || true)
		if grep -q '"status":"OK"' <<<"$answer" && grep -q '"variants":\[[^]]*"thumbnail"' <<<"$answer"; then
			say "the picture is processed: $(grep -o '"status":"OK"' <<<"$answer"), thumbnail present"
			return 0
		fi
		sleep 2
	done
	die "the upload was not processed within 6 minutes; last answer: $answer"
}

main() {
	ensure_packages
	podman_env
	if [ "$DOWN" -eq 1 ]; then
		local pid
		for pid in $(cat "$WORK/keep.pids" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
		rm -f "$WORK/keep.pids"
		start_api
		compose_files
		[ -f "$WORK/.env" ] || die "nothing to stop (no $WORK/.env)"
		compose down -v --remove-orphans
		kill "$API_PID" 2>/dev/null || true
		return 0
	fi
	[ -d "$STATE/media/darknet" ] || "$ROOT/vigil" setup >/dev/null
	base_images
	service_images
	standin_images
	compose_files
	write_env
	start_api
	trap teardown EXIT
	trap 'exit 130' INT TERM
	run_health_checks
	compose down -v --remove-orphans >/dev/null 2>&1 || true
	step "docker-compose up -d (health-gated start order; the first start of six JVMs takes minutes)"
	compose up -d --no-build >"$WORK/up.log" 2>&1 || { tail -30 "$WORK/up.log" >&2; die "docker-compose up failed"; }
	wait_healthy
	step "every container is up and the services are healthy"
	camera_account
	upload
	step "uploaded person.jpg over FTP (passive) as camera front, sha256 $SHA256"
	sign_in
	step "signed in over $PUBLIC_URL (initial password changed)"
	api_client
	processed
	step "client-credentials token and GET /api/v1/media/{sha256} through the gateway"
	[ "$KEEP" -eq 1 ] && return 0
	trap - EXIT
	teardown
	local left
	left="$(leftovers)"
	[ -z "$left" ] || die "docker-compose down -v left: $left"
	step "docker-compose down -v left no container, volume or network behind. compose-test passed."
}

main "$@"
