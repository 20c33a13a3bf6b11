package dev.groundwork.model.patch.engine;

import java.util.List;

/**
 * Two patches combined: the second applied on top of the first.
 *
 * @param diff   the combination as one diff against the shared base; null when either patch did not apply
 * @param first  the first patch's report against the base
 * @param second the second patch's report against the first one's result; null when the first did not apply
 */
public record Composition(List<Conflict> conflicts, String diff, ApplyReport first, ApplyReport second) {

    public Composition {
        conflicts = List.copyOf(conflicts);
    }

    /** Both applied and no line was changed by both. */
    public boolean ok() {
        return conflicts.isEmpty();
    }
}
