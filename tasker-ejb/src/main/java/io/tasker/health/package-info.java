/**
 * MicroProfile Health checks: started means this node has deployed and its API serves requests; ready means it
 * accepts and runs tasks (the database and the broker answer, the node's templates are registered and its API
 * started, and it is not stopping).
 */
package io.tasker.health;
