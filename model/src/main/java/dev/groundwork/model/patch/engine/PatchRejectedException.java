package dev.groundwork.model.patch.engine;

import java.util.List;

/** A diff the engine will not apply at all; each problem is one sentence a model or a researcher can act on. */
public final class PatchRejectedException extends Exception {

    private final List<String> problems;

    public PatchRejectedException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
