#!/usr/bin/env bash
# Configures a running Payara Server 6 domain for Tasker's EAR (docs/deploy-payara-server.md): the Artemis resource
# adapter for the broker, Tasker's settings as the domain's MicroProfile Config properties, transaction recovery and
# the server's own metrics and OpenAPI endpoints. Running it again applies the current values: it is idempotent.
#
# Usage: configure.sh [property=value ...]   (more MicroProfile Config properties, e.g. tasker.runner.max-sessions=8)
#
# The same environment variables as the embedded default (docs/configuration.md):
#   TASKER_DB_URL, TASKER_DB_USER, TASKER_DB_PASSWORD   PostgreSQL (required)
#   TASKER_BROKER_URL                                   the broker, tcp://host:port (default tcp://localhost:61616)
#   MP_JWT_VERIFY_ISSUER, MP_JWT_VERIFY_AUDIENCES and MP_JWT_VERIFY_PUBLICKEY_LOCATION (or _PUBLICKEY): the tokens
#                                                       (docs/security.md); or TASKER_AUTH_ENABLED=false
#   TASKER_SERVER_ENDPOINTS                             closed (default) or open: the server's /metrics and /openapi
# and where things are:
#   ASADMIN            the asadmin command (default: $PAYARA_HOME/bin/asadmin)
#   ASADMIN_OPTIONS    its options, e.g. "--port 4848 --user admin --passwordfile /run/secrets/asadmin"
#   TASKER_ARTEMIS_RAR the Artemis resource adapter (tasker-artemis-rar/target/artemis-ra.rar)
set -euo pipefail

fail() { echo "configure.sh: $*" >&2; exit 2; }

# shellcheck source=../settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../settings.sh"
if [[ -z "${ASADMIN:-}" ]]; then
  [[ -n "${PAYARA_HOME:-}" ]] || fail "set ASADMIN or PAYARA_HOME"
  ASADMIN="$PAYARA_HOME/bin/asadmin"
fi

# shellcheck disable=SC2086 # ASADMIN_OPTIONS is a list of options
asadmin() { "$ASADMIN" ${ASADMIN_OPTIONS:-} --interactive=false "$@"; }

config_property() {
  asadmin set-config-property --source=domain --propertyName="$1" --propertyValue="$2" > /dev/null
}

# The broker's address is the resource adapter's (io.tasker.infrastructure.jms.TaskerJmsResources names it
# artemis-ra). asadmin escapes '=' in a property value with a backslash.
connection="host\\=$broker_host;port\\=$broker_port"
if asadmin list-resource-adapter-configs | grep -qx artemis-ra; then
  asadmin set "resources.resource-adapter-config.artemis-ra.property.ConnectionParameters=$connection" > /dev/null
else
  asadmin create-resource-adapter-config --property "ConnectionParameters=$connection" artemis-ra > /dev/null
fi
asadmin deploy --force=true --type rar --name artemis-ra "$TASKER_ARTEMIS_RAR" > /dev/null

each_setting config_property "$@"

# Transactions left in doubt by a crash are completed at start and, while running, within 5 s.
asadmin set configs.config.server-config.transaction-service.automatic-recovery=true > /dev/null
asadmin set configs.config.server-config.transaction-service.property.pending-txn-cleanup-interval=5 > /dev/null

# Tasker serves both, with a token, at /tasker/metrics and /tasker/openapi (docs/security.md).
security=$([[ "$endpoints" == closed ]] && echo true || echo false)
asadmin set-metrics-configuration --securityenabled="$security" > /dev/null
asadmin set-openapi-configuration --securityenabled="$security" > /dev/null

echo "Payara Server configured for Tasker: broker $broker_host:$broker_port, database $TASKER_DB_URL"
