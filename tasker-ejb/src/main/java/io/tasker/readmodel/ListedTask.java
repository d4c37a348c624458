package io.tasker.readmodel;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A task as a list reads it: its summary, without the context (a page of 500 tasks with large contexts would fill
 * a node's heap) or the steps. The same rows as {@link Task}'s, mapped a second time.
 */
@Entity
@Table(name = "tasker_tasks")
public class ListedTask extends TaskSummary {

    protected ListedTask() {
    }
}
