/**
 * The handler registry: every registered task template by namespace, name and semantic version, with the
 * handlers of its steps and its compiled context schema. Lookup without a version resolves the highest
 * version. At boot the templates found on the classpath and in {@code tasker.templates.dir} are
 * checked, their handlers resolved as CDI beans, and their definitions recorded in the database (namespaces,
 * named tasks, dependent systems, named steps).
 */
package io.tasker.registry;
