/**
 * PostgreSQL adapters: the data source the application declares, the schema migration at boot, the JDBC calls
 * into the schema's functions (one store per port of the engine), the classification of database failures, and the
 * database's readiness probe.
 */
package io.tasker.infrastructure.persistence;
