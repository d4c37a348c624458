/**
 * Recovering from lost work: the sweep, on every node, ends the claims whose node stopped renewing them and
 * re-drives tasks that nothing has driven past their due time (a lost message), so no task waits forever.
 */
package io.tasker.orchestration.recovery;
