package dev.groundwork.views.common;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.WritableImage;

/**
 * A picture of a view taken on the FX thread, written as PNG later on an export's worker: encoding a chart's PNG on the
 * FX thread held it longer than a frame.
 */
@FunctionalInterface
public interface Picture {

    void writePng(Path png) throws IOException;

    /** The node as it is drawn now, at its own size. */
    static Picture of(javafx.scene.Node node) {
        WritableImage image = node.snapshot(null, null);
        return png -> PngSnapshots.write(image, png);
    }
}
