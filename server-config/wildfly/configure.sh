#!/usr/bin/env bash
# Configures a running WildFly (standalone-full profile) for Tasker's EAR (docs/deploy-wildfly.md): EclipseLink as
# a JPA provider, PostgreSQL's driver and a data source that checks its connections, the Artemis resource adapter
# deployed for the broker, Tasker's settings as system properties
# (which its MicroProfile Config reads), MicroProfile Health, Micrometer with a Prometheus registry, OpenTelemetry
# and, when asked, OpenAPI. Running it again applies the current values: it is idempotent. It ends with a reload.
#
# Usage: configure.sh [property=value ...]   (more MicroProfile Config properties, e.g. tasker.runner.max-sessions=8)
#
# The same environment variables as the embedded default (docs/configuration.md):
#   TASKER_DB_URL, TASKER_DB_USER, TASKER_DB_PASSWORD   PostgreSQL (required)
#   TASKER_BROKER_URL                                   the broker, tcp://host:port (default tcp://localhost:61616)
#   MP_JWT_VERIFY_ISSUER, MP_JWT_VERIFY_AUDIENCES and MP_JWT_VERIFY_PUBLICKEY_LOCATION (or _PUBLICKEY): the tokens
#                                                       (docs/security.md); or TASKER_AUTH_ENABLED=false
#   TASKER_SERVER_ENDPOINTS                             closed (default) or open: the Prometheus endpoint on the
#                                                       management interface without its login, and /openapi
# and where things are:
#   JBOSS_HOME             the unpacked server (required: EclipseLink goes into its modules)
#   JBOSS_CLI_OPTIONS      jboss-cli's options, e.g. "--controller=localhost:9990 --user=admin --password=..."
#   TASKER_ARTEMIS_RAR     the Artemis resource adapter (tasker-artemis-rar/target/artemis-ra.rar)
#   TASKER_ECLIPSELINK_JAR EclipseLink (tasker-ear/target/wildfly/eclipselink.jar)
#   TASKER_POSTGRESQL_JAR  PostgreSQL's JDBC driver (tasker-ear/target/wildfly/postgresql.jar)
set -euo pipefail

fail() { echo "configure.sh: $*" >&2; exit 2; }

# shellcheck source=../settings.sh
source "$(dirname "${BASH_SOURCE[0]}")/../settings.sh"
[[ -d "${JBOSS_HOME:-}/modules" ]] || fail "JBOSS_HOME must name an unpacked WildFly"
[[ -f "${TASKER_ECLIPSELINK_JAR:-}" ]] || fail "TASKER_ECLIPSELINK_JAR must name EclipseLink's jar"
[[ -f "${TASKER_POSTGRESQL_JAR:-}" ]] || fail "TASKER_POSTGRESQL_JAR must name PostgreSQL's JDBC driver jar"

# A value in jboss-cli's quotes, its backslashes and quotes escaped.
quoted() { local value="${1//\\/\\\\}"; printf '"%s"' "${value//\"/\\\"}"; }

# Sets a resource's attribute, adding the resource with it when it is missing.
ensure() { # address attribute value
  cat <<EOF
if (outcome == success) of $1:read-resource
  $1:write-attribute(name=$2, value=$(quoted "$3"))
else
  $1:add($2=$(quoted "$3"))
end-if
EOF
}

# Adds what is missing: an extension and its subsystem, or any resource.
present() { # address [add-operation-arguments]
  printf 'if (outcome != success) of %s:read-resource\n  %s:add(%s)\nend-if\n' "$1" "$1" "${2:-}"
}

# Removes a resource if it is there.
absent() { # address
  printf 'if (outcome == success) of %s:read-resource\n  %s:remove\nend-if\n' "$1" "$1"
}

property() { ensure "/system-property=$1" value "$2"; }

subsystem() { # extension-module subsystem [add-operation-arguments]
  present "/extension=$1"
  present "/subsystem=$2" "${3:-}"
}

datasource=/subsystem=datasources/data-source=tasker
datasource_jndi=java:jboss/datasources/tasker
jca_postgres=org.jboss.jca.adapters.jdbc.extensions.postgres
# As Tasker's own definition, in the driver's URL parameters: strings sent untyped (PostgreSQL casts JSON text to
# jsonb), statements prepared on the server from their first use.
url="$TASKER_DB_URL$([[ "$TASKER_DB_URL" == *\?* ]] && echo '&' || echo '?')stringtype=unspecified&prepareThreshold=1"
script=$(mktemp)
adapter_dir=$(mktemp -d)
trap 'rm -f "$script"; rm -rf "$adapter_dir"' EXIT
{
  property eclipselink.archive.factory org.jipijapa.eclipselink.JBossArchiveFactoryImpl
  # WildFly weaves the read model's entities but not the class they share (a task list then fails with a
  # NoSuchMethodError on TaskSummary._persistence_set): EclipseLink runs unwoven, as it reads this property.
  property eclipselink.weaving false
  each_setting property "$@"

  # Tasker's database as a data source of the server's, which (unlike the pool WildFly makes for the EAR's own
  # definition) checks its connections: idle ones in the background every 2 s, and all of them are replaced once
  # PostgreSQL's error codes say one is broken, so the engine recovers by itself from a database restart. The
  # engine uses it because tasker.db.datasource names it (io.tasker.infrastructure.persistence.TaskerDataSource).
  present /subsystem=datasources/jdbc-driver=postgresql \
    "driver-name=postgresql, driver-module-name=org.postgresql, driver-class-name=org.postgresql.Driver"
  present "$datasource" "jndi-name=$datasource_jndi, driver-name=postgresql, connection-url=$(quoted "$url")"
  for attribute in "connection-url=$url" "user-name=$TASKER_DB_USER" "password=$TASKER_DB_PASSWORD" \
      min-pool-size=4 max-pool-size=48 background-validation=true background-validation-millis=2000 \
      flush-strategy=AllConnections \
      "valid-connection-checker-class-name=$jca_postgres.PostgreSQLValidConnectionChecker" \
      "exception-sorter-class-name=$jca_postgres.PostgreSQLExceptionSorter"; do
    echo "$datasource:write-attribute(name=${attribute%%=*}, value=$(quoted "${attribute#*=}"))"
  done
  property tasker.db.datasource "$datasource_jndi"

  # The activation of the resource adapter that the EAR's message-driven beans bind to (META-INF/jboss-ejb3.xml).
  present /subsystem=resource-adapters/resource-adapter=artemis-ra.rar \
    "archive=artemis-ra.rar, transaction-support=XATransaction"
  # MicroProfile Health, whose API Tasker's checks are written against. WildFly's /health/ready (management
  # interface) does not run the checks of an EAR's modules: Tasker serves them at /tasker/health/ready.
  subsystem org.wildfly.extension.microprofile.health-smallrye microprofile-health-smallrye \
    "security-enabled=false, empty-readiness-checks-status=DOWN"
  # Tasker's metrics through Micrometer, served in Prometheus's format at /prometheus on the management interface.
  subsystem org.wildfly.extension.micrometer micrometer
  ensure /subsystem=micrometer/registry=prometheus context /prometheus
  security=$([[ "$endpoints" == closed ]] && echo true || echo false)
  echo "/subsystem=micrometer/registry=prometheus:write-attribute(name=security-enabled, value=$security)"
  # The OpenTelemetry API the engine's tracing is written against; nothing is exported unless configured.
  subsystem org.wildfly.extension.opentelemetry opentelemetry
  subsystem org.wildfly.extension.microprofile.telemetry microprofile-telemetry
  # The OpenAPI document, served by WildFly at /openapi on the application port, only when asked for.
  if [[ "$endpoints" == open ]]; then
    subsystem org.wildfly.extension.microprofile.openapi-smallrye microprofile-openapi-smallrye
  else
    absent /subsystem=microprofile-openapi-smallrye
  fi
} > "$script"

# EclipseLink joins the module WildFly keeps for it (which holds only WildFly's integration): the way WildFly's
# JPA guide adds a provider. A server that already loaded that module needs a restart to see the change.
module="$JBOSS_HOME/modules/system/layers/base/org/eclipse/persistence/main"
[[ -f "$module/module.xml" ]] || fail "$module/module.xml is missing: is JBOSS_HOME a WildFly with JPA?"
cp "$TASKER_ECLIPSELINK_JAR" "$module/eclipselink.jar"
grep -q 'path="eclipselink.jar"' "$module/module.xml" \
  || sed -i 's|<resources>|&\n        <resource-root path="eclipselink.jar"/>|' "$module/module.xml"
# EclipseLink uses more of the JDK (RMI, XML) than WildFly's integration does.
grep -q '<module name="java.se"/>' "$module/module.xml" \
  || sed -i 's|<dependencies>|&\n        <module name="java.se"/>|' "$module/module.xml"

# PostgreSQL's driver as a module of its own, which the data source names.
driver_module="$JBOSS_HOME/modules/org/postgresql/main"
mkdir -p "$driver_module"
cp "$TASKER_POSTGRESQL_JAR" "$driver_module/postgresql.jar"
cat > "$driver_module/module.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<module xmlns="urn:jboss:module:1.9" name="org.postgresql">
    <resources>
        <resource-root path="postgresql.jar"/>
    </resources>
    <dependencies>
        <module name="java.se"/>
        <module name="jakarta.transaction.api"/>
    </dependencies>
</module>
EOF

# shellcheck disable=SC2086 # JBOSS_CLI_OPTIONS is a list of options
cli() { "$JBOSS_HOME/bin/jboss-cli.sh" --connect ${JBOSS_CLI_OPTIONS:-} "$@"; }

# The broker's address goes into the resource adapter's own descriptor: WildFly gives the connection factory the
# EAR defines on it (io.tasker.infrastructure.jms.TaskerJmsResources) an adapter instance of its own, configured
# from that descriptor alone, as is the activation its message-driven beans use.
address="host=$broker_host;port=$broker_port"
jar="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
cp "$TASKER_ARTEMIS_RAR" "$adapter_dir/artemis-ra.rar"
(cd "$adapter_dir" && "$jar" xf artemis-ra.rar META-INF/ra.xml \
  && sed -i "s|>host=[^<]*</config-property-value>|>$address</config-property-value>|" META-INF/ra.xml \
  && grep -q ">$address<" META-INF/ra.xml \
  && "$jar" uf artemis-ra.rar META-INF/ra.xml) || fail "cannot set the broker's address in $TASKER_ARTEMIS_RAR"

cli --file="$script" > /dev/null
cli --command="deploy --force $adapter_dir/artemis-ra.rar" > /dev/null
# The reload applies the new subsystems; the server is back when it says it runs (within two minutes).
cli --command=":reload" > /dev/null
for _ in $(seq 60); do
  sleep 2
  if cli --command=":read-attribute(name=server-state)" 2> /dev/null | grep -q '"result" => "running"'; then
    echo "WildFly configured for Tasker: broker $broker_host:$broker_port, database $TASKER_DB_URL"
    exit 0
  fi
done
fail "WildFly did not run again within two minutes of its reload"
