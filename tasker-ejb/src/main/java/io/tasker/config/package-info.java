/**
 * Configuration: every setting, read from MicroProfile Config and checked at boot, so a wrong value stops
 * deployment with a message naming its key.
 */
package io.tasker.config;
