package dev.groundwork.views.common;

import dev.groundwork.model.export.ExportFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.image.WritableImage;

/**
 * A picture of a view taken on the FX thread, written as PNG later on an export's worker: encoding a chart's PNG on the
 * FX thread held it longer than a frame. A chart that draws itself as vectors comes as SVG too.
 */
@FunctionalInterface
public interface Picture {

    void writePng(Path png) throws IOException;

    /** The picture as an SVG document, written now (on the export's worker); empty when the view is not drawn as shapes. */
    default Optional<String> svg() {
        return Optional.empty();
    }

    /**
     * Writes {@code base}.png, and {@code base}.svg when there is SVG (each whole or not at all); says what it wrote, as
     * "exports/rewards.png and .svg" does, relative to {@code dir}.
     */
    default String writeBeside(Path base, Path dir) throws IOException {
        Path png = ExportFiles.writeFile(base.resolveSibling(base.getFileName() + ".png"), this::writePng);
        Optional<String> svg = svg();
        if (svg.isPresent()) {
            ExportFiles.write(base.resolveSibling(base.getFileName() + ".svg"), out -> out.write(svg.get()));
        }
        return dir.relativize(png) + (svg.isPresent() ? " and .svg" : "");
    }

    /** The node as it is drawn now, at its own size. */
    static Picture of(javafx.scene.Node node) {
        WritableImage image = node.snapshot(null, null);
        return png -> PngSnapshots.write(image, png);
    }

    /** The node as it is drawn now, and the same as the SVG document {@code svg} writes later (none when null). */
    static Picture of(javafx.scene.Node node, java.util.function.Supplier<String> svg) {
        Picture pixels = of(node);
        return new Picture() {
            @Override
            public void writePng(Path png) throws IOException {
                pixels.writePng(png);
            }

            @Override
            public Optional<String> svg() {
                return svg == null ? Optional.empty() : Optional.of(svg.get());
            }
        };
    }
}
