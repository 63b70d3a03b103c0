#!/bin/sh
# Entry point of the mosquitto service (docker-compose.yml): writes the password file (hashed by
# mosquitto_passwd) and the ACL from the environment into /tmp/mosquitto, then runs the broker.
#   VIGIL_MQTT_SERVICE_USER / _PASSWORD: notification-service, writes vigil/# and homeassistant/#
#   VIGIL_MQTT_USER / VIGIL_MQTT_PASSWORD: Home Assistant (or any reader), reads them, writes nothing
set -eu
: "${VIGIL_MQTT_SERVICE_USER:?}" "${VIGIL_MQTT_SERVICE_PASSWORD:?}" "${VIGIL_MQTT_USER:?}" "${VIGIL_MQTT_PASSWORD:?}"
[ "$VIGIL_MQTT_SERVICE_USER" != "$VIGIL_MQTT_USER" ] || { echo "mosquitto: VIGIL_MQTT_USER must differ from the service user" >&2; exit 1; }
umask 077
mkdir -p /tmp/mosquitto
rm -f /tmp/mosquitto/passwd
mosquitto_passwd -c -b /tmp/mosquitto/passwd "$VIGIL_MQTT_SERVICE_USER" "$VIGIL_MQTT_SERVICE_PASSWORD"
mosquitto_passwd -b /tmp/mosquitto/passwd "$VIGIL_MQTT_USER" "$VIGIL_MQTT_PASSWORD"
cat >/tmp/mosquitto/acl <<ACL
user $VIGIL_MQTT_SERVICE_USER
topic readwrite vigil/#
topic readwrite homeassistant/#
topic read \$SYS/broker/uptime

user $VIGIL_MQTT_USER
topic read vigil/#
topic read homeassistant/#
ACL
exec mosquitto -c /mosquitto/config/mosquitto.conf
