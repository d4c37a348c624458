package io.tasker.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The task and step state machines as docs/architecture.md documents them: the tables under the headings "Task
 * states" and "Step states", whose first two columns are the states a change leaves ("(new)" for a creation,
 * several separated by commas) and the state it enters.
 */
record DocumentedStateMachines(Set<Transition> task, Set<Transition> step) {

    /** A change of state; {@code from} is null for the first state of a new task or step. */
    record Transition(String from, String to) {

        @Override
        public String toString() {
            return (from == null ? "(new)" : from) + " -> " + to;
        }
    }

    static DocumentedStateMachines read(Path architecture) throws IOException {
        List<String> lines = Files.readAllLines(architecture);
        return new DocumentedStateMachines(table(lines, "### Task states"), table(lines, "### Step states"));
    }

    private static Set<Transition> table(List<String> lines, String heading) {
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalStateException("docs/architecture.md has no heading '" + heading + "'");
        }
        Set<Transition> transitions = new LinkedHashSet<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            List<String> cells = cells(line);
            if (cells.size() < 2 || cells.get(0).equals("from") || cells.get(0).startsWith("---")) {
                continue;
            }
            for (String from : cells.get(0).split(",")) {
                String state = from.strip();
                transitions.add(new Transition(state.equals("(new)") ? null : state, cells.get(1)));
            }
        }
        if (transitions.isEmpty()) {
            throw new IllegalStateException("the table under '" + heading + "' lists no transition");
        }
        return transitions;
    }

    private static List<String> cells(String line) {
        if (!line.startsWith("|")) {
            return List.of();
        }
        List<String> cells = new ArrayList<>(Arrays.asList(line.substring(1).split("\\|")));
        cells.replaceAll(String::strip);
        return cells;
    }
}
