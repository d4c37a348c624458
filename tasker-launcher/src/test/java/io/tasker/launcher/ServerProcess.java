package io.tasker.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** An application server's process on this machine, found by a part of its command line. */
final class ServerProcess {

    private ServerProcess() {
    }

    /** Whether such a process runs. */
    static boolean isRunning(String commandLinePart) {
        return find(commandLinePart).isPresent();
    }

    /** Its resident memory (VmRSS), in MB; -1 when no such process runs. */
    static long residentMegabytes(String commandLinePart) throws IOException {
        ProcessHandle server = find(commandLinePart).orElse(null);
        if (server == null) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(server.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static Optional<ProcessHandle> find(String commandLinePart) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(commandLinePart))
                .findFirst();
    }
}
