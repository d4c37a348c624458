/**
 * JMS adapters on Artemis: the resources the application declares on the Artemis resource adapter, the sender of
 * task-runner messages (enlisted in the caller's JTA transaction, with the broker's scheduled delivery for delays),
 * the message-driven task runner that starts passes, and the broker's readiness probe.
 */
package io.tasker.infrastructure.jms;
