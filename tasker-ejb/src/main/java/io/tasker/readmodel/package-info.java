/**
 * The read model: JPA (EclipseLink) entities of tasks, their steps and the definitions they instantiate, and the
 * queries the API makes through them ({@link io.tasker.readmodel.TaskReader}). Nothing writes through them: every
 * state change is a function of the schema that also writes its transition (docs/decisions.md says why the two
 * sides differ).
 */
package io.tasker.readmodel;
