/**
 * Configuration: the resources the application declares for itself (data source, JMS connection factory and
 * queue, managed executor) and every setting, read from MicroProfile Config and checked at boot so a wrong
 * value stops deployment with a message naming its key (decisions §20).
 */
package io.tasker.config;
