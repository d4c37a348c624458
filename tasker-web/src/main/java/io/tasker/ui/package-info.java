/**
 * The operator's dashboard at {@code /tasker/ui}: static pages (in the WAR's {@code WEB-INF/ui}) that are a client of
 * the REST API and nothing more: every read and every action goes through the API with the user's token, so the
 * dashboard adds no way into the engine (docs/dashboard.md).
 */
package io.tasker.ui;
