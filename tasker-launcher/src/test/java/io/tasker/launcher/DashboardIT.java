package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The dashboard at /tasker/ui, in a real headless Chromium: an operator finds a failed task, reads its error and
 * resolves the step, and sees the task complete without reloading; every value from a task shows as text; the
 * pages ask for a token and offer only what it permits; each page is photographed (target/screenshots).
 */
@ExtendWith(TaskerStackExtension.class)
class DashboardIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    // Markup and script in every value a task carries; none of it may become an element or run.
    private static final String MARKUP = "<img src=x onerror=window.tasker_xss=1><script>window.tasker_xss=2</script>"
            + "<b>bold</b>";

    private static Browser browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        browser.close();
    }

    @Test
    void anOperatorFindsAFailedTaskReadsItsErrorResolvesTheStepAndWatchesTheTaskComplete(RunningStack stack)
            throws Exception {
        TaskerClient client = stack.client();
        long failed = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_permanently": ["process_data"]}}""");
        assertEquals("error", client.awaitFinished(failed, WITHIN).getString("status"));

        signIn(stack, "operator-olga");
        browser.await(By.cssSelector("input[name=status][value=error]")).click();
        browser.await(By.xpath("//button[text()='Apply']")).click();
        browser.await(By.linkText("#" + failed));
        assertTrue(browser.all(By.cssSelector("tbody .badge")).stream().allMatch(badge -> badge.getText()
                .equals("error")), "the list is filtered to tasks in error");
        browser.screenshot("tasks");
        browser.await(By.linkText("#" + failed)).click();

        browser.awaitText("scripted permanent failure of process_data");
        assertTrue(browser.await(By.cssSelector("figure.graph svg")).getText().contains("process_data"),
                "the graph names the steps");
        assertTrue(browser.all(By.cssSelector("figure.graph parsererror, figure.graph .problem")).isEmpty(),
                "the graph was drawn whole");
        browser.screenshot("task-in-error");
        // A mark the page keeps only if it is never reloaded.
        browser.script("window.tasker_stayed = true;");
        // By keyboard alone: Tab to the action, Enter opens its dialog with the focus on the reason.
        browser.tabTo("Resolve step");
        browser.type(Keys.ENTER);
        assertEquals("action-reason", browser.script("return document.activeElement.id;"));
        browser.type("booked by hand", Keys.TAB);
        browser.type("{\"booking\": \"B-17\"}");
        browser.screenshot("resolve-dialog");
        browser.type(Keys.TAB, Keys.ENTER);

        browser.awaitText("Step process_data resolved.");
        WebElement outcome = browser.await(By.cssSelector(".outcome"));
        assertTrue(outcome.getText().contains("resolved manually by operator-olga (booked by hand)"),
                outcome.getText());
        browser.await(By.xpath("//h1/span[contains(@class, 'badge') and text()='complete']"));
        assertEquals(Boolean.TRUE, browser.script("return window.tasker_stayed === true;"), "the page was reloaded");
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("task-complete");
        JsonObject step = AcceptanceChecks.step(client.get("/tasks/" + failed).json(), "process_data");
        assertEquals("resolved_manually", step.getString("status"));
        assertEquals("B-17", step.getJsonObject("results").getString("booking"));
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void everyValueOfATaskShowsAsTextAndNothingInItRuns(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        String quoted = jsonString(MARKUP);
        long task = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples", "initiator": %1$s, "reason": %1$s,
                 "tags": [%1$s], "context": {"note": %1$s, "fail_permanently": ["initialize_data"],
                 "failure_detail": {"initialize_data": %1$s}}}""".formatted(quoted));
        assertEquals("error", client.awaitFinished(task, WITHIN).getString("status"));
        long stepId = AcceptanceChecks.step(client.get("/tasks/" + task).json(), "initialize_data")
                .getJsonNumber("workflow_step_id").longValue();
        assertEquals(200, client.post("/tasks/" + task + "/workflow_steps/" + stepId + "/resolve",
                "{\"reason\": %1$s, \"results\": {\"echo\": %1$s}}".formatted(quoted)).status());
        assertEquals("complete", client.awaitFinished(task, WITHIN).getString("status"));

        signIn(stack, "admin");
        browser.open(ui(stack) + "#/tasks?tag=" + URLEncoder.encode(MARKUP, StandardCharsets.UTF_8));
        browser.await(By.linkText("#" + task)).click();
        browser.await(By.xpath("//h1/span[text()='complete']"));
        browser.await(By.cssSelector(".task-timeline table"));
        // Each place a value of the task is shown holds it as text: the initiator, reason and tags; the error; the
        // results and the context; the reason of the operator's action.
        Map<String, Long> places = new LinkedHashMap<>();
        places.put(".task-summary dd", 3L);
        places.put(".task-steps td.error-text", 1L);
        places.put(".task-steps pre.json", 1L);
        places.put(".task-context pre.json", 1L);
        places.put(".task-timeline td.name", 1L);
        for (Map.Entry<String, Long> place : places.entrySet()) {
            assertTrue((Long) browser.script("return [...document.querySelectorAll(arguments[0])]"
                    + ".filter(element => element.textContent.includes(arguments[1])).length;", place.getKey(),
                    MARKUP) >= place.getValue(), place.getKey() + " shows the markup as text");
        }
        assertEquals(0L, browser.script("return document.body.querySelectorAll('img, script, b').length;"),
                "no element came from a task's values");
        // Defence in depth: the security policy would have stopped a handler or script that got through.
        assertNull(browser.script("return window.tasker_xss;"), "markup from a task ran");
        browser.script("window.scrollTo(0, 0);");
        browser.screenshot("task-with-markup");
        browser.resize(390, 844);
        try {
            assertFalse(overflows(), "long values overflow a phone's width");
        } finally {
            browser.resize(1280, 800);
        }
    }

    @Test
    void thePagesAskForATokenAndOfferOnlyWhatItPermits(RunningStack stack) throws Exception {
        browser.open(ui(stack));
        browser.script("sessionStorage.clear();");
        browser.open("about:blank");
        browser.consoleErrors();
        browser.open(ui(stack) + "#/tasks");
        browser.await(By.xpath("//h1[text()='Sign in']"));
        assertTrue(browser.all(By.cssSelector("main table")).isEmpty(), "nothing is shown without a token");
        browser.screenshot("sign-in");

        TaskerClient client = stack.client();
        long failed = client.createTask("""
                {"name": "linear_workflow", "namespace": "examples",
                 "context": {"fail_permanently": ["validate_input"]}}""");
        assertEquals("error", client.awaitFinished(failed, WITHIN).getString("status"));
        // A token that may retry steps, but not resolve them nor act on the task.
        String retrier = stack.token(new DevelopmentKeys.Bearer("retrier-rae", List.of(),
                List.of("tasker.task:index", "tasker.task:show", "tasker.transition:index",
                        "tasker.workflow_step:retry"), List.of(), WITHIN));
        browser.await(By.id("token")).sendKeys(retrier);
        browser.await(By.xpath("//button[text()='Sign in']")).click();
        browser.await(By.linkText("#" + failed)).click();
        browser.awaitText("scripted permanent failure of validate_input");
        browser.await(By.xpath("//tr[th='validate_input']/following-sibling::tr[1]//summary")).click();
        assertEquals(List.of("Retry step", "Retry step"), browser.all(By.xpath("//main//button")).stream()
                .map(WebElement::getText).filter(text -> !text.isEmpty()).toList(),
                "offered in the attention panel and the step's details, and nothing else");
        assertEquals(retrier, browser.sessionStorage().get("tasker.token"));
        // The refusals the pages meet and handle: the sign-in's 401, the namespaces the viewer may not list (403).
        assertEquals(List.of(), browser.consoleErrors().stream()
                .filter(error -> !error.contains("status of 401") && !error.contains("status of 403")).toList());
    }

    @Test
    void eachPageIsReadableOnADesktopAndOnAPhone(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        long diamond = client.createTask("""
                {"name": "diamond_workflow", "namespace": "examples",
                 "context": {"results_padding": {"start_workflow": 3000}}}""");
        assertEquals("complete", client.awaitFinished(diamond, WITHIN).getString("status"));
        signIn(stack, "admin");
        // Each page: its route, a text it shows once drawn, the screenshot's name.
        String[][] pages = {{"#/tasks", "matching", "tasks-all"}, {"#/tasks/" + diamond, "merge_branches", "task"},
            {"#/templates", "diamond_workflow", "templates"},
            {"#/templates/examples/diamond_workflow", "Create a task of", "template"},
            {"#/system", "Tasks by status", "system"}};
        for (String[] page : pages) {
            browser.open(ui(stack) + page[0]);
            browser.awaitText(page[1]);
            browser.screenshot(page[2]);
        }
        // The metrics, read with the tab's token (a plain link would carry none).
        browser.open(ui(stack) + "#/system");
        browser.await(By.xpath("//button[text()='Show the metrics']")).click();
        browser.awaitText("tasker_tasks_submitted_total");
        // The large results of start_workflow are folded, saying their size.
        browser.open(ui(stack) + "#/tasks/" + diamond);
        browser.await(By.xpath("//tr[th='start_workflow']/following-sibling::tr[1]//summary")).click();
        WebElement folded = browser.await(By.xpath(
                "//tr[th='start_workflow']/following-sibling::tr[1]//details[@class='json-fold']/summary"));
        assertTrue(folded.getText().matches("JSON, \\d+ fields, [\\d,]+ characters"), folded.getText());
        browser.resize(390, 844);
        try {
            for (String[] page : pages) {
                browser.open("about:blank");
                browser.open(ui(stack) + page[0]);
                browser.awaitText(page[1]);
                if (page[2].equals("task")) {
                    browser.await(By.cssSelector("figure.graph svg"));
                }
                assertFalse(overflows(), page[0] + " overflows a phone's width");
                browser.screenshot("phone-" + page[2]);
            }
        } finally {
            browser.resize(1280, 800);
        }
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void aPageOfTasksStaysTheSameWhileNewTasksArrive(RunningStack stack) throws Exception {
        TaskerClient client = stack.client();
        String tag = "paging-" + System.nanoTime();
        String request = """
                {"name": "linear_workflow", "namespace": "examples", "tags": ["%s"], "context": {}}""".formatted(tag);
        List<Long> created = new ArrayList<>();
        for (int task = 0; task < 30; task++) {
            created.add(client.createTask(request));
        }
        signIn(stack, "admin");
        browser.open(ui(stack) + "#/tasks?tag=" + tag);
        browser.awaitText("30 matching");
        assertEquals(newestFirst(created.subList(5, 30)), listedIds(), "the 25 newest first");
        List<Long> newcomers = new ArrayList<>();
        for (int task = 0; task < 3; task++) {
            newcomers.add(client.createTask(request));
        }
        browser.await(By.xpath("//button[text()='Next ›']")).click();
        browser.awaitText("33 matching");
        assertEquals(newestFirst(created.subList(0, 5)), listedIds(), "the next page goes on where the first ended");
        browser.await(By.xpath("//button[text()='‹ Previous']")).click();
        browser.await(By.linkText("#" + newcomers.get(2)));
        assertEquals(newestFirst(newcomers), listedIds().subList(0, 3), "the first page again, newcomers on top");
    }

    private static List<Long> newestFirst(List<Long> ids) {
        return ids.stream().sorted(Comparator.reverseOrder()).toList();
    }

    private static List<Long> listedIds() {
        return browser.all(By.cssSelector("main tbody tr td:first-child a")).stream()
                .map(link -> Long.parseLong(link.getText().substring(1))).toList();
    }

    @Test
    void aTemplatesFormCreatesATaskAndShowsTheServersErrorsByField(RunningStack stack) {
        signIn(stack, "admin");
        browser.open(ui(stack) + "#/templates/examples/linear_workflow");
        WebElement context = browser.await(By.id("create-context"));
        context.clear();
        context.sendKeys("{\"fail_times\": {\"initialize_data\": \"often\"}}");
        browser.await(By.xpath("//button[text()='Create task']")).click();
        browser.awaitText("/context/fail_times/initialize_data");
        assertTrue(browser.await(By.cssSelector("form.create .problem")).getText().contains("integer"),
                "the schema's complaint is shown by its field");

        context.clear();
        context.sendKeys("{}");
        browser.await(By.id("create-tags")).sendKeys("from-the-form");
        browser.await(By.xpath("//button[text()='Create task']")).click();
        WebElement title = browser.await(By.xpath("//h1[starts-with(text(), 'Task #')]"));
        long created = Long.parseLong(title.getText().replaceAll("\\D+", " ").strip().split(" ")[0]);
        JsonObject task = stack.client().get("/tasks/" + created).json();
        assertEquals("linear_workflow", task.getString("name"));
        assertEquals("from-the-form", task.getJsonArray("tags").getString(0));
    }

    // Whether the page is wider than the browser's window, so that it scrolls sideways.
    private static boolean overflows() {
        return (Boolean) browser.script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    private static String ui(RunningStack stack) {
        return stack.stack().apiUri() + "/ui/";
    }

    // Opens the dashboard by the link ./tasker run prints, with an administrator's token for the subject.
    private static void signIn(RunningStack stack, String subject) {
        browser.open("about:blank");
        browser.consoleErrors();
        browser.open(ui(stack) + "#token=" + stack.adminToken(subject));
        browser.await(By.xpath("//h1[text()='Tasks']"));
    }

    private static String jsonString(String text) {
        return Json.createValue(text).toString();
    }
}
