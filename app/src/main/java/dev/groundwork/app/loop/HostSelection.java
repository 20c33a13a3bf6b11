package dev.groundwork.app.loop;

import dev.groundwork.model.spec.RunSpec;
import java.util.List;
import java.util.Optional;

/**
 * Where a command line sends a study's runs instead of where its spec says: {@code --target docker}, {@code --host
 * NAME}…; {@link #FROM_SPEC} keeps the spec's target and every host of its kind.
 */
public record HostSelection(Optional<RunSpec.Target> target, List<String> names) {

    public static final HostSelection FROM_SPEC = new HostSelection(Optional.empty(), List.of());

    public HostSelection {
        names = List.copyOf(names);
    }
}
