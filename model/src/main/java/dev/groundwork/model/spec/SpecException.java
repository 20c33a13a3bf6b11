package dev.groundwork.model.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A spec that cannot be loaded, with every problem found, ordered by position; its message has one per line. */
public class SpecException extends Exception {

    private final List<SpecProblem> problems;

    public SpecException(List<SpecProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a spec exception needs at least one problem");
        }
        super(problems.stream().map(SpecProblem::formatted).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
