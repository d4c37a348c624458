/**
 * JMS adapters on Artemis: the sender of task-runner messages (enlisted in the caller's JTA transaction, with the
 * broker's scheduled delivery for delays) and the message-driven task runner that starts passes.
 */
package io.tasker.infrastructure.jms;
