package dev.groundwork.app.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Which build this is, from the app jar's manifest (written by app/pom.xml): the version, the git commit and the build
 * time, so that a report of a packaged Groundwork names exactly what ran. Run from classes (an IDE), it is "dev".
 */
public record BuildInfo(String version, Optional<String> commit, Optional<String> date) {

    static final BuildInfo DEV = new BuildInfo("dev", Optional.empty(), Optional.empty());

    /** The build of the jar this class was loaded from. */
    public static BuildInfo current() {
        try {
            Path location = Path.of(BuildInfo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return DEV;
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                Manifest manifest = jar.getManifest();
                return manifest == null ? DEV : of(manifest);
            }
        } catch (IOException | URISyntaxException | SecurityException e) {
            return DEV; // the version line must never be what fails
        }
    }

    static BuildInfo of(Manifest manifest) {
        Attributes main = manifest.getMainAttributes();
        return new BuildInfo(present(main.getValue(Attributes.Name.IMPLEMENTATION_VERSION)).orElse("dev"),
                present(main.getValue("Build-Commit")).filter(commit -> !commit.equals("unknown")),
                present(main.getValue("Build-Date")));
    }

    /** "groundwork 0.1.0 (commit 1a2b3c4d5e6f, built 2026-12-03T02:00:00Z)". */
    public String describe() {
        StringBuilder line = new StringBuilder("groundwork ").append(version);
        if (commit.isPresent() || date.isPresent()) {
            line.append(" (").append(commit.map(c -> "commit " + c).orElse("commit unknown"));
            date.ifPresent(d -> line.append(", built ").append(d));
            line.append(')');
        }
        return line.toString();
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty() && !v.startsWith("${"));
    }
}
