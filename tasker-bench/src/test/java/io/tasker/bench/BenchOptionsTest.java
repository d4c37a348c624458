package io.tasker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class BenchOptionsTest {

    @Test
    void withoutArgumentsEverythingRunsWithTheDefaults() {
        BenchOptions options = BenchOptions.parse();

        assertEquals(EnumSet.allOf(Workload.class), options.workloads());
        assertTrue(options.latency());
        assertTrue(options.lists());
        assertTrue(options.backlog());
        assertEquals(10_000, options.backlogN());
        assertEquals(1000, options.count(Workload.W1));
        assertEquals(200, options.count(Workload.W4));
        assertEquals(4, options.submitters());
        assertEquals(OptionalInt.empty(), options.warmup(), "warm up until steady");
        assertEquals(Path.of("bench-results.jsonl"), options.out());
        assertEquals(Optional.empty(), options.url());
    }

    @Test
    void picksWorkloadsAndCounts() {
        BenchOptions options = BenchOptions.parse("--workload", "w2,W4", "--n", "50", "--submitters", "8",
                "--url", "http://host:8080/tasker");

        assertEquals(EnumSet.of(Workload.W2, Workload.W4), options.workloads());
        assertFalse(options.latency());
        assertFalse(options.lists());
        assertFalse(options.backlog());
        assertEquals(50, options.count(Workload.W4));
        assertEquals(8, options.submitters());
        assertEquals(OptionalInt.of(0), BenchOptions.parse("--warmup", "0").warmup());
        assertEquals(OptionalInt.empty(), BenchOptions.parse("--warmup", "steady").warmup());
        assertEquals(Optional.of(URI.create("http://host:8080/tasker")), options.url());
        assertTrue(BenchOptions.parse("--workload", "latency").workloads().isEmpty());
        assertTrue(BenchOptions.parse("--workload", "list").lists());
        BenchOptions backlog = BenchOptions.parse("--workload", "backlog", "--backlog-n", "500");
        assertTrue(backlog.backlog() && backlog.workloads().isEmpty() && !backlog.latency());
        assertEquals(500, backlog.backlogN());
        assertFalse(BenchOptions.parse("--url", "http://host:8080/tasker").backlog(),
                "all is what a running server can be measured on: no backlog");
        assertTrue(BenchOptions.parse("--compare", "db-scheduler").compareWithPeer());
        assertFalse(options.compareWithPeer());
    }

    @Test
    void rejectsWhatItCannotUseNamingTheOption() {
        assertMessage("--workload must be one of W1, W2, W3, W4, latency, list, backlog or all, got 'W9'",
                "--workload", "W9");
        assertMessage("--workload backlog needs the embedded default's broker and database: drop --url",
                "--workload", "backlog", "--url", "http://host/tasker");
        assertMessage("--backlog-n must be at least 1, got 0", "--backlog-n", "0");
        assertMessage("--n must be at least 1, got 0", "--n", "0");
        assertMessage("Invalid value for option '--submitters': 'many' is not an int", "--submitters", "many");
        assertMessage("Missing required parameter for option '--n' (N)", "--n");
        assertMessage("--warmup must be steady or a whole number of at least 0, got 'long'", "--warmup", "long");
        assertMessage("Unknown options: '--fast', 'yes'", "--fast", "yes");
        assertMessage("--history needs the embedded default's database: drop --url", "--history", "1000",
                "--url", "http://host/tasker");
        assertMessage("--compare takes db-scheduler, the peer the benchmark runs, got 'temporal'", "--compare",
                "temporal");
        assertMessage("--compare needs the embedded default's database: drop --url", "--compare", "db-scheduler",
                "--url", "http://host/tasker");
        assertTrue(assertThrows(ParameterException.class, () -> BenchOptions.parse("--url", "ftp://x"))
                .getMessage().startsWith("--url must be the API's http(s) address"));
    }

    private static void assertMessage(String message, String... args) {
        assertEquals(message, assertThrows(ParameterException.class, () -> BenchOptions.parse(args))
                .getMessage());
    }
}
