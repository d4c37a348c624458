package io.tasker.bench;

import jakarta.json.JsonObject;

/**
 * The task lists the benchmark times: the bench namespace's tasks filtered by status, as an operator's console asks
 * for them. With a history loaded ({@code --history}) the bench namespace holds that many finished tasks.
 */
enum ListQuery {
    /** The newest complete tasks: many match. */
    COMPLETE("list_complete", "namespace=bench&status=complete"),
    /** The newest failed tasks: few or none match. */
    ERROR("list_error", "namespace=bench&status=error,cancelled"),
    /** The second page of the complete tasks, by the first page's cursor. */
    COMPLETE_PAGE_2("list_page_2", "namespace=bench&status=complete");

    private final String label;
    private final String query;

    ListQuery(String label, String query) {
        this.label = label;
        this.query = query;
    }

    String label() {
        return label;
    }

    /** The request's query: for the second page, with the cursor the first page ends with. */
    String request(TaskerApi api) {
        if (this != COMPLETE_PAGE_2) {
            return query;
        }
        JsonObject first = api.list(query);
        if (first.isNull("next_cursor")) {
            throw new IllegalStateException("the list " + query + " has one page only: load a history first");
        }
        return query + "&cursor=" + first.getString("next_cursor");
    }
}
