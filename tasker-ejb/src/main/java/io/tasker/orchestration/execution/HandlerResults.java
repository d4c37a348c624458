package io.tasker.orchestration.execution;

import io.tasker.api.PermanentException;
import io.tasker.config.SizeLimit;
import io.tasker.json.JsonDocuments;
import java.util.Map;

/** What a step keeps of what its handler returned: the results as JSON, within the configured size. */
public final class HandlerResults {

    private HandlerResults() {
    }

    /**
     * The handler's results as the JSON text the step keeps; {@code null} is kept as an empty object.
     *
     * @throws IllegalArgumentException when the results are not JSON-serialisable (the attempt fails, retryably)
     * @throws PermanentException when the results are larger than the limit: no retry can make them smaller
     */
    public static String recordable(Map<String, Object> results, SizeLimit limit) {
        String json = JsonDocuments.writeChecked(results == null ? Map.of() : results, "the handler's results");
        if (limit.exceededBy(json)) {
            throw new PermanentException("the handler's results are larger than the limit of " + limit.bytes()
                    + " bytes (" + limit.setting() + ")", "results_too_large");
        }
        return json;
    }
}
