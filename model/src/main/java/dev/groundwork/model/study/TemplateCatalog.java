package dev.groundwork.model.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The study templates bundled in the resources jar under {@code groundwork/environments/<name>/}: each holds a
 * {@code groundwork.yaml}, a {@code baseline/} folder and optionally an {@code ideas/} catalog. Works the same from a jar
 * and from a build folder.
 */
public final class TemplateCatalog {

    static final String ROOT = "groundwork/environments";

    private final ClassLoader loader;

    public TemplateCatalog(ClassLoader loader) {
        this.loader = loader;
    }

    public List<TemplateInfo> templates() {
        return withRoot(root -> {
            List<TemplateInfo> templates = new ArrayList<>();
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : children.sorted().toList()) {
                    Path spec = child.resolve("groundwork.yaml");
                    if (Files.isRegularFile(spec)) {
                        templates.add(new TemplateInfo(child.getFileName().toString().replace("/", ""), description(spec)));
                    }
                }
            }
            return templates;
        });
    }

    /** Copies a template's files into {@code target} (which must exist). */
    public void copy(String name, Path target) {
        withRoot(root -> {
            Path template = root.resolve(name);
            try (Stream<Path> files = Files.walk(template)) {
                for (Path source : files.toList()) {
                    String relative = template.relativize(source).toString();
                    if (relative.isEmpty()) {
                        continue;
                    }
                    Path destination = target.resolve(relative);
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(source, destination);
                        if (relative.endsWith(".sh")) {
                            destination.toFile().setExecutable(true);
                        }
                    }
                }
            }
            return null;
        });
    }

    private static String description(Path spec) throws IOException {
        JsonNode node = new YAMLMapper().readTree(Files.readString(spec));
        JsonNode description = node == null ? null : node.get("description");
        return description == null ? "" : description.asText().strip().replaceAll("\\s+", " ");
    }

    private <T> T withRoot(PathWork<T> work) {
        URL url = loader.getResource(ROOT);
        if (url == null) {
            throw new IllegalStateException("The study templates (" + ROOT + ") are missing from the classpath.");
        }
        try {
            return work.run(rootPath(url.toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the study templates failed: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path to the templates folder; inside a jar through a zip file system left open for the process (it is ours, read-only). */
    private static Path rootPath(URI uri) throws IOException {
        if (!"jar".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        try {
            FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
            // opened earlier: Path.of finds it
        }
        return Path.of(uri);
    }

    @FunctionalInterface
    private interface PathWork<T> {
        T run(Path root) throws IOException;
    }
}
