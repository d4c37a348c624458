/**
 * The example workflows: the five DAG shapes of the original's test suite (linear, diamond, parallel merge,
 * tree, mixed), each step run by {@link io.tasker.examples.ExampleStepHandler}.
 */
package io.tasker.examples;
