package io.tasker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Submits workflows through Tasker's API, waits for them, checks them and measures. */
final class WorkloadRunner implements WorkloadDriver {

    static final String SYSTEM = "tasker";

    // How often the benchmark looks at the last workflow of a run: its reads must not compete with the run.
    private static final Duration BATCH_POLL = Duration.ofMillis(100);
    private static final Duration SINGLE_POLL = Duration.ofMillis(2);

    private final TaskerApi api;
    private final OptionalLong serverPid;
    private final Duration timeout;

    WorkloadRunner(TaskerApi api, OptionalLong serverPid, Duration timeout) {
        this.api = api;
        this.serverPid = serverPid;
        this.timeout = timeout;
    }

    /** Submits the workflows from {@code submitters} threads as fast as the API takes them. */
    @Override
    public String system() {
        return SYSTEM;
    }

    @Override
    public Measurement throughput(Workload workload, int n, int submitters) throws InterruptedException {
        OptionalLong cpuBefore = MachineCpu.busyMillis();
        List<Long> ids = submit(workload, n, submitters);
        Instant deadline = Instant.now().plus(timeout);
        // Wait for the last one, then read them all: the times are the server's, so reading late changes nothing
        // (but for the CPU, read before).
        api.awaitFinished(ids.get(ids.size() - 1), BATCH_POLL, deadline);
        OptionalDouble cpu = MachineCpu.perWorkflow(cpuBefore, MachineCpu.busyMillis(), n);
        List<FinishedTask> finished = new ArrayList<>();
        for (long id : ids) {
            finished.add(api.awaitFinished(id, BATCH_POLL, deadline));
        }
        return Measurement.of(SYSTEM, workload.name(), workload, finished, peakRssMb(), cpu);
    }

    /** Runs {@code n} workflows one after the other on an otherwise idle server: the latency of a single task. */
    Measurement latency(Workload workload, int n) throws InterruptedException {
        List<FinishedTask> finished = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = api.create(workload.request());
            finished.add(api.awaitFinished(id, SINGLE_POLL, Instant.now().plus(timeout)));
        }
        return Measurement.of(SYSTEM, "latency", workload, finished, peakRssMb(), OptionalDouble.empty());
    }

    /**
     * Reads the page of the list the query names {@code n} times, one request after the other; the latency of each
     * request, measured here (the client's view).
     */
    Measurement listLatency(ListQuery query, int n) {
        String request = query.request(api);
        List<Duration> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long sent = System.nanoTime();
            api.list(request);
            latencies.add(Duration.ofNanos(System.nanoTime() - sent));
        }
        Percentiles percentiles = new Percentiles(latencies);
        return new Measurement(SYSTEM, query.label(), n, 0, (System.nanoTime() - start) / 1e9, percentiles.millis(50),
                percentiles.millis(95), percentiles.millis(99), OptionalDouble.empty(), peakRssMb(),
                OptionalDouble.empty());
    }

    private List<Long> submit(Workload workload, int n, int submitters) throws InterruptedException {
        long[] ids = new long[n];
        Submitters.submit(n, submitters, i -> ids[i] = api.create(workload.request()));
        return Arrays.stream(ids).boxed().toList();
    }

    // VmHWM: the peak resident set of the server process since it started.
    private OptionalLong peakRssMb() {
        if (serverPid.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(serverPid.getAsLong()), "status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
