/**
 * Task templates: the YAML a workflow author writes, parsed safely, merged with its environment
 * overrides, with {@code ${NAME}} placeholders expanded from MicroProfile Config, and checked as a DAG.
 * A template that breaks a rule is rejected with a {@link io.tasker.template.TemplateException} naming the file and
 * the step, so a bad template stops deployment instead of failing a task later.
 */
package io.tasker.template;
