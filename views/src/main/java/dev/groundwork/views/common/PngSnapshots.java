package dev.groundwork.views.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Renders views to PNG files without a window (works under the headless platform). Every method must be called on the
 * JavaFX application thread, as {@code Scene.snapshot} requires.
 */
public final class PngSnapshots {

    private PngSnapshots() {}

    /**
     * Lays {@code root} out at the given size in a scene of its own and writes it to {@code png}. The root must not be
     * another scene's root (render that scene with {@link #write(Scene, Path)}); stylesheets it carries apply.
     */
    public static void write(Parent root, double width, double height, Path png) throws IOException {
        write(new Scene(root, width, height), png);
    }

    /** Writes one node as it is drawn now (a chart, say), at its own size; creates the parent folders. */
    public static void write(javafx.scene.Node node, Path png) throws IOException {
        write(node.snapshot(null, null), png);
    }

    /** Writes the scene as it is laid out now, at its own size; creates the parent folders. */
    public static void write(Scene scene, Path png) throws IOException {
        // One more CSS and layout pass than snapshot makes: wrapped text needs a second pass to settle its height.
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        write(scene.snapshot(null), png);
    }

    /** Writes an image taken before (a snapshot); any thread may, once the image is no longer drawn into. */
    public static void write(WritableImage image, Path png) throws IOException {
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile())) {
            throw new IOException("No PNG writer is available to write " + png + ".");
        }
    }
}
