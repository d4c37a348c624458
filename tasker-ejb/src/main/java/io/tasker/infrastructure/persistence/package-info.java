/**
 * PostgreSQL adapters: the schema migration at boot, JSON column converters for JPA, and the JDBC calls into the
 * orchestration functions of the schema.
 */
package io.tasker.infrastructure.persistence;
