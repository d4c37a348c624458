# Tasker's settings as the server-config scripts take them from the environment (payara-server/configure.sh,
# wildfly/configure.sh; the variables are the embedded default's, docs/configuration.md). Sourced by a script that
# has `set -euo pipefail` and a `fail` function: it checks the variables and sets broker_host, broker_port and
# endpoints.

[[ -n "${TASKER_DB_URL:-}" ]] || fail "TASKER_DB_URL is required (jdbc:postgresql://host:5432/tasker)"
[[ -n "${TASKER_DB_USER:-}" ]] || fail "TASKER_DB_USER is required"
[[ -n "${TASKER_DB_PASSWORD:-}" ]] || fail "TASKER_DB_PASSWORD is required"
[[ -f "${TASKER_ARTEMIS_RAR:-}" ]] || fail "TASKER_ARTEMIS_RAR must name the Artemis resource adapter (a .rar file)"
broker="${TASKER_BROKER_URL:-tcp://localhost:61616}"
[[ "$broker" =~ ^tcp://([^:/]+):([0-9]+)$ ]] || fail "TASKER_BROKER_URL must look like tcp://host:61616, got '$broker'"
broker_host="${BASH_REMATCH[1]}"
broker_port="${BASH_REMATCH[2]}"
endpoints="${TASKER_SERVER_ENDPOINTS:-closed}"
[[ "$endpoints" == closed || "$endpoints" == open ]] \
  || fail "TASKER_SERVER_ENDPOINTS must be closed or open, got '$endpoints'"

# Calls `$1 property value` for each MicroProfile Config property the environment gives, then for each
# `property=value` among the other arguments (the script's own).
each_setting() {
  local apply=$1 setting
  shift
  "$apply" tasker.db.url "$TASKER_DB_URL"
  "$apply" tasker.db.user "$TASKER_DB_USER"
  "$apply" tasker.db.password "$TASKER_DB_PASSWORD"
  [[ -z "${TASKER_AUTH_ENABLED:-}" ]] || "$apply" tasker.auth.enabled "$TASKER_AUTH_ENABLED"
  [[ -z "${MP_JWT_VERIFY_ISSUER:-}" ]] || "$apply" mp.jwt.verify.issuer "$MP_JWT_VERIFY_ISSUER"
  [[ -z "${MP_JWT_VERIFY_AUDIENCES:-}" ]] || "$apply" mp.jwt.verify.audiences "$MP_JWT_VERIFY_AUDIENCES"
  [[ -z "${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-}" ]] \
    || "$apply" mp.jwt.verify.publickey.location "$MP_JWT_VERIFY_PUBLICKEY_LOCATION"
  [[ -z "${MP_JWT_VERIFY_PUBLICKEY:-}" ]] || "$apply" mp.jwt.verify.publickey "$MP_JWT_VERIFY_PUBLICKEY"
  for setting in "$@"; do
    [[ "$setting" == *=* ]] || fail "'$setting' is not property=value"
    "$apply" "${setting%%=*}" "${setting#*=}"
  done
}
