package io.tasker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The CPU time the whole machine has spent working (user, nice, system, irq, softirq; not idle, I/O wait or steal),
 * from Linux's {@code /proc/stat}: taken before and after a run, it gives the CPU a workflow costs everything on
 * the machine (server, database, broker, client), a figure that moves less than throughput from one machine to
 * another. Empty where there is no {@code /proc/stat}.
 */
final class MachineCpu {

    // /proc/stat counts in USER_HZ, which Linux fixes at 100 per second for user space.
    private static final int MILLIS_PER_TICK = 10;
    private static final Path STAT = Path.of("/proc/stat");

    private MachineCpu() {
    }

    static OptionalLong busyMillis() {
        try {
            List<String> lines = Files.readAllLines(STAT);
            String[] cpu = lines.get(0).trim().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7}) {
                busy += Long.parseLong(cpu[field]);
            }
            return OptionalLong.of(busy * MILLIS_PER_TICK);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** The machine's CPU milliseconds per workflow between two readings, when both were taken. */
    static OptionalDouble perWorkflow(OptionalLong before, OptionalLong after, int workflows) {
        return before.isPresent() && after.isPresent()
                ? OptionalDouble.of((double) (after.getAsLong() - before.getAsLong()) / workflows)
                : OptionalDouble.empty();
    }
}
