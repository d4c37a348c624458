/** JSON as the engine stores it: JSON objects in PostgreSQL {@code jsonb} columns, read and written with JSON-B. */
package io.tasker.json;
