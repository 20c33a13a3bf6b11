package dev.groundwork.app.gui;

import java.util.Map;
import java.util.Properties;

/**
 * JavaFX renderer settings chosen before the toolkit starts, each only where the researcher has not set it
 * ({@code GROUNDWORK_JAVA_OPTS="-Dprism.disableRegionCaching=false"} restores JavaFX's own).
 * <p>
 * {@code prism.disableRegionCaching}: JavaFX keeps a region whose background has more than one fill (most panes and
 * controls: a border colour under an inner colour) as a small cached image and stretches its middle over the region.
 * The software renderer resamples a stretched image pixel by pixel, about 14 ns each here, so every repaint of a large
 * pane paid for it: the sampler found the renderer there for 39 of 93 busy milliseconds while lineage nodes were
 * selected. Drawn directly, the same backgrounds are rectangle fills. On a GPU pipeline both ways are a few quads.
 */
public final class RendererDefaults {

    static final Map<String, String> DEFAULTS = Map.of("prism.disableRegionCaching", "true");

    private RendererDefaults() {
    }

    /** Sets each default in {@code system} that is not set there already. */
    public static void apply(Properties system) {
        DEFAULTS.forEach(system::putIfAbsent);
    }
}
