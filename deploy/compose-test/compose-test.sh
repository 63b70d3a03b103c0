#!/usr/bin/env bash
# ./vigil compose-test: runs the real docker-compose.yml on this machine with podman, the way a
# user runs it, and walks a user's first hour through it:
#   images built with Jib (deploy/build-images.sh) on a base made here from Debian packages and
#   the JDK, loaded with podman load; infrastructure images that no registry can give here
#   replaced by stand-ins built locally (deploy/compose-test/standins.yml says which and why);
#   `docker-compose up` (health-gated start order), a camera account, a cleartext FTP login
#   refused, a real picture uploaded over FTPS in passive mode through the published ports,
#   the picture processed (thumbnail and the detector's person), a sign-in in headless
#   Chromium over the http:// public URL and an API client created in the admin pages
#   (deploy's ComposeBrowserJourney), its
#   client-credentials token and the API through the gateway, Home Assistant's view of
#   Mosquitto (no anonymous client, the camera's retained event, nothing it may publish),
#   notification-service's "service down" check seeing a stopped service, then
#   `docker-compose down -v` and a check that nothing is left.
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
# Host ports away from ./vigil up's (8080, 2121, 2222, 1883, passive 30000-30063), so both can
# run on one machine. The passive range has the same numbers outside and inside (they are
# announced in PASV replies) and must hold max-sessions (64) ports.
HTTP_PORT="${VIGIL_CT_HTTP_PORT:-18080}"
FTP_PORT="${VIGIL_CT_FTP_PORT:-12121}"
SFTP_PORT="${VIGIL_CT_SFTP_PORT:-12222}"
MQTT_PORT="${VIGIL_CT_MQTT_PORT:-11883}"
PASSIVE_PORTS="${VIGIL_CT_PASSIVE_PORTS:-31000-31063}"
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
	slirp4netns docker-compose mmdebstrap curl iproute2 openssl mosquitto-clients chromium chromium-driver)

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
}

# The project directory is the checkout, as for a user: relative bind mounts (./deploy/kafka,
# ./deploy/minio, ./deploy/mongodb, ./deploy/mosquitto) resolve against it.
compose() {
	docker-compose --project-name "$PROJECT" --project-directory "$ROOT" --env-file "$WORK/.env" \
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
		-e "s|^VIGIL_MQTT_BIND_ADDRESS=.*|VIGIL_MQTT_BIND_ADDRESS=127.0.0.1|" \
		-e "s|^VIGIL_FTP_PASSIVE_PORTS=.*|VIGIL_FTP_PASSIVE_PORTS=$PASSIVE_PORTS|" "$WORK/.env"
	grep -q "^VIGIL_FTP_PASSIVE_PORTS=$PASSIVE_PORTS\$" "$WORK/.env" || die "no VIGIL_FTP_PASSIVE_PORTS in $WORK/.env"
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
		[ "$waited" -lt 900 ] || die "not healthy after 15 minutes:$pending"
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
	local name url answer
	name="MDAlarm_$(date -u -d '-1 min' +%Y%m%d-%H%M%S).jpg"
	url="ftp://compose-front:$CAMERA_PASSWORD@$ADDRESS:$FTP_PORT/front/00626E5A2B1C/snap/$name"
	# The production profile refuses an FTP login before AUTH TLS (530): no camera password in
	# cleartext.
	answer=$(curl -sS --ftp-pasv -T "$media" "$url" 2>&1) && die "the edge took a cleartext FTP login"
	grep -q '530' <<<"$answer" || die "a cleartext FTP login: expected 530, got: $answer"
	# FTPS (explicit AUTH TLS; the edge's generated self-signed certificate) in passive mode
	# (curl's default): the data connection goes to the announced address and one of the
	# published passive ports, through the container NAT.
	curl -fsS --ssl-reqd --insecure --ftp-pasv --ftp-create-dirs -T "$media" "$url" \
		|| die "FTPS upload to $ADDRESS:$FTP_PORT failed"
	SHA256=$(sha256sum "$media" | cut -d' ' -f1)
}

# Sign-in in real headless Chromium over the http:// public URL (deploy's ComposeBrowserJourney
# with ui's browser helpers): the UI sends the browser to identity-service's page, the first
# sign-in changes the generated admin password, then an API client is created in the admin
# pages. A Secure session cookie on http:// shows up there as a sign-in that never returns.
browser_journey() {
	local admin_password reports="$ROOT/deploy/target/failsafe-reports"
	admin_password=$(in_container identity-service cat /var/lib/vigil/identity/admin-initial-password) \
		|| die "no initial admin password in identity-service's data volume"
	rm -f "$WORK/client.env"
	(cd "$ROOT" && VIGIL_COMPOSE_URL="$PUBLIC_URL" VIGIL_COMPOSE_ADMIN_PASSWORD="$admin_password" \
		VIGIL_COMPOSE_NEW_PASSWORD="ct-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')" \
		VIGIL_COMPOSE_CLIENT_FILE="$WORK/client.env" \
		./mvnw -B -pl deploy -am verify -Dtest=none -Dit.test=ComposeBrowserJourney \
		-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
		-Djacoco.skip=true -Dspring-javaformat.skip=true) >"$WORK/browser.log" 2>&1 || {
		cat "$reports"/*ComposeBrowserJourney.txt >&2 2>/dev/null || tail -40 "$WORK/browser.log" >&2
		die "the browser sign-in failed (log: $WORK/browser.log, $reports)"
	}
	grep -q 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0' "$reports"/*ComposeBrowserJourney.txt 2>/dev/null \
		|| die "the browser journey did not run (log: $WORK/browser.log)"
	CLIENT_ID=$(sed -n 's/^CLIENT_ID=//p' "$WORK/client.env")
	CLIENT_SECRET=$(sed -n 's/^CLIENT_SECRET=//p' "$WORK/client.env")
	[ -n "$CLIENT_ID" ] && [ -n "$CLIENT_SECRET" ] || die "the admin page did not show a new client's id and secret"
}

processed() {
	local token answer
	token=$(curl -fsS -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=media:read \
		"$PUBLIC_URL/auth/oauth2/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
	[ -n "$token" ] || die "no client-credentials token from $PUBLIC_URL/auth/oauth2/token"
	for _ in $(seq 1 180); do
		answer=$(curl -s -H "Authorization: Bearer $token" "$PUBLIC_URL/api/v1/media/$SHA256" || true)
		if grep -q '"status":"OK"' <<<"$answer" && grep -q '"variants":\[[^]]*"thumbnail"' <<<"$answer"; then
			# The detector (TensorFlow natives, unpacked where they can be loaded) found the person.
			grep -q '"label":"person"' <<<"$answer" || die "processed, but no person detected: $answer"
			say "the picture is processed: $(grep -o '"status":"OK"' <<<"$answer"), thumbnail present, person detected"
			return 0
		fi
		sleep 2
	done
	die "the upload was not processed within 6 minutes; last answer: $answer"
}

# Home Assistant's side of Mosquitto, through the published port: anonymous clients and a wrong
# password are refused; VIGIL_MQTT_USER reads the camera's retained event (upload -> detection
# -> catalog-api's motion event -> notification-service) and may not overwrite it.
mqtt_check() {
	local user password answer
	user=$(sed -n 's/^VIGIL_MQTT_USER=//p' "$WORK/.env")
	password=$(sed -n 's/^VIGIL_MQTT_PASSWORD=//p' "$WORK/.env")
	mqtt_sub() { mosquitto_sub -h 127.0.0.1 -p "$MQTT_PORT" -i "compose-test-$RANDOM" "$@" 2>&1; }
	answer=$(mqtt_sub -t 'vigil/#' -C 1 -W 10 || true)
	grep -qiE 'refused|not authori' <<<"$answer" || die "Mosquitto did not refuse an anonymous client: $answer"
	answer=$(mqtt_sub -u "$user" -P "wrong-$password" -t 'vigil/#' -C 1 -W 10 || true)
	grep -qiE 'refused|not authori|bad user' <<<"$answer" || die "Mosquitto did not refuse a wrong password: $answer"
	answer=$(mqtt_sub -u "$user" -P "$password" -t 'vigil/front/event' -C 1 -W 120) \
		|| die "Home Assistant's user got no retained vigil/front/event within 2 minutes: $answer"
	grep -q '"camera":"front"' <<<"$answer" && grep -q '"label":"person"' <<<"$answer" \
		|| die "unexpected vigil/front/event: $answer"
	mosquitto_pub -h 127.0.0.1 -p "$MQTT_PORT" -u "$user" -P "$password" -t vigil/front/event -r -m forged-by-compose-test \
		>/dev/null 2>&1 || true
	sleep 2
	answer=$(mqtt_sub -u "$user" -P "$password" -t 'vigil/front/event' -C 1 -W 10 || true)
	grep -q '"camera":"front"' <<<"$answer" || die "Home Assistant's user could overwrite vigil/front/event: $answer"
}

# notification-service's "service down" check (VIGIL_NOTIFICATION_SYSTEM_SERVICES_*): a stopped
# ui is reported failing within a few rounds (check-interval 30 s, two failures in a row).
service_down_check() {
	local before
	down_reports() { compose logs --no-color notification-service 2>/dev/null | grep -c 'System condition service-down:ui failing' || true; }
	before=$(down_reports)
	compose stop ui >/dev/null 2>&1 || die "docker-compose stop ui failed"
	for _ in $(seq 1 36); do
		[ "$(down_reports)" -gt "$before" ] && return 0
		sleep 5
	done
	die "notification-service did not report the stopped ui as down within 3 minutes"
}

# notification-service's system feeds and dead-letter check reach Kafka as their own SCRAM
# user with the ACLs they need: no reconnect loop, no refused group or topic in its log.
system_feeds_check() {
	local log group
	log=$(compose logs --no-color notification-service 2>&1)
	if grep -E 'System feed [a-z]+ failed|AuthorizationException|SaslAuthenticationException' <<<"$log" | head -5 | grep .; then
		die "notification-service's system checks were refused by Kafka (above)"
	fi
	for group in notification-system notification-system-cameras; do
		grep -qE "groupId=$group\] Successfully joined group" <<<"$log" \
			|| die "notification-service's system feed (group $group) never joined its group"
	done
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
	# 1.29 gives up on the services left once a dependency is reported unhealthy; a JVM that
	# starts slower than its start_period (a loaded box) turns healthy at its first passing
	# check, so `up -d` is asked again (twice at most) before the test gives up.
	local attempt
	for attempt in 1 2 3; do
		compose up -d --no-build >"$WORK/up.log" 2>&1 && break
		grep -q 'is unhealthy' "$WORK/up.log" && [ "$attempt" -lt 3 ] || { tail -30 "$WORK/up.log" >&2; die "docker-compose up failed"; }
		step "a dependency was not healthy yet ($(grep -o 'Container "[0-9a-f]*" is unhealthy' "$WORK/up.log" | head -1)); up -d again"
		sleep 30
	done
	wait_healthy
	step "every container is up and the services are healthy"
	camera_account
	upload
	step "cleartext FTP login refused (530); uploaded person.jpg over FTPS (passive) as camera front, sha256 $SHA256"
	browser_journey
	step "signed in with headless Chromium over $PUBLIC_URL (initial password changed), API client created"
	processed
	step "client-credentials token and GET /api/v1/media/{sha256} through the gateway"
	mqtt_check
	step "Mosquitto: anonymous and a wrong password refused, Home Assistant's user reads the person event, cannot overwrite it"
	service_down_check
	system_feeds_check
	step "notification-service reported the stopped ui as down; its Kafka feeds and dead-letter check ran without refusals"
	[ "$KEEP" -eq 1 ] && return 0
	trap - EXIT
	teardown
	local left
	left="$(leftovers)"
	[ -z "$left" ] || die "docker-compose down -v left: $left"
	step "docker-compose down -v left no container, volume or network behind. compose-test passed."
}

main "$@"
