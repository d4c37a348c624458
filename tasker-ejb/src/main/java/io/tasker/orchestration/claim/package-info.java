/**
 * Claiming steps: before a step runs, one pass claims one attempt of it in a committed transaction (the attempt is
 * counted, the claimant and the lease recorded); a pass starts by claiming what is ready, renews the claims of the
 * attempts it runs, and gives back what it cannot finish.
 */
package io.tasker.orchestration.claim;
