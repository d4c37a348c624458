/**
 * Running steps: a claimed attempt runs its handler on one of the node's step threads, in a transaction that also
 * records the step complete and claims the steps that are ready then; the outcome goes back to the pass.
 */
package io.tasker.orchestration.execution;
