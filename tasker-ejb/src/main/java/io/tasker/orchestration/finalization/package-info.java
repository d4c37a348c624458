/**
 * Finalizing tasks: at the end of a pass that did not complete its task, the finalizer reads what the task needs
 * next and completes it, fails it, or re-enqueues it: back to pending with one message delayed until it can make
 * progress (the earliest retry, the lease of steps another pass runs). A task whose last step completed was
 * completed in that step's transaction and needs no finalization.
 */
package io.tasker.orchestration.finalization;
