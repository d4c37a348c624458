package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness as a load balancer or a deployment script relies on it: a node that answers ready accepts tasks at once.
 */
@ExtendWith(TaskerStackExtension.class)
class ReadinessIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void theFirstReadyAnswerOfAStartingNodeIsFollowedByATaskItAccepts(RunningStack stack) throws Exception {
        int port = TaskerStackExtension.freePorts(1).get(0);
        CompletableFuture<PayaraNode> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return stack.startNode("readiness-node", port, Map.of());
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        URI base = URI.create("http://127.0.0.1:" + port);
        try {
            List<String> answersBeforeReady = new ArrayList<>();
            String ready = awaitFirstReadyAnswer(base, starting, answersBeforeReady);
            HttpResponse<String> created = HTTP.send(stack.client().authorized(HttpRequest.newBuilder(
                            base.resolve("/tasker/tasks")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"diamond_workflow\", \"namespace\": \"examples\", \"context\": {}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(201, created.statusCode(), "the answer to a task created once ready: " + created.body()
                    + "; readiness said " + ready);
            assertTrue(answersBeforeReady.stream().allMatch(answer -> answer.startsWith("503")),
                    "answers before ready: " + answersBeforeReady);
        } finally {
            PayaraNode node = starting.handle((started, failure) -> started).join();
            if (node != null) {
                stack.stack().stopNode(node);
            }
        }
    }

    // Polls readiness from before the port opens; returns the body of the first 200, noting the answers before it.
    private static String awaitFirstReadyAnswer(URI base, CompletableFuture<PayaraNode> starting,
                                                List<String> answersBeforeReady) throws InterruptedException {
        Instant deadline = Instant.now().plus(TaskerStack.READY_TIMEOUT);
        HttpRequest readiness = HttpRequest.newBuilder(base.resolve("/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            assertTrue(Instant.now().isBefore(deadline), "never ready; answers: " + answersBeforeReady);
            assertFalse(starting.isCompletedExceptionally(), "the node did not start");
            try {
                HttpResponse<String> ready = HTTP.send(readiness, HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return ready.body();
                }
                answersBeforeReady.add(ready.statusCode() + " " + ready.body());
            } catch (IOException e) {
                // No answer yet: the port is not open, or the booting server answers too slowly.
            }
            Thread.sleep(10);
        }
    }
}
