package dev.groundwork.runners.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What apt on this machine fetches from: its Debian mirror (the first one in its sources that is not the security
 * archive; deb822 {@code .sources} files first, then the one-line format) and its release (os-release's codename).
 */
final class AptSources {

    private static final Path APT = Path.of("/etc/apt");

    private AptSources() {}

    static Optional<String> mirror() {
        return mirror(APT);
    }

    static Optional<String> mirror(Path apt) {
        for (String line : lines(apt)) {
            String uri = null;
            String trimmed = line.strip();
            if (trimmed.startsWith("URIs:")) {
                String[] parts = trimmed.substring(5).strip().split("\\s+");
                uri = parts[0];
            } else if (trimmed.startsWith("deb ")) {
                String[] parts = trimmed.split("\\s+");
                int at = 1;
                if (parts.length > at && parts[at].startsWith("[")) {
                    while (at < parts.length && !parts[at].endsWith("]")) {
                        at++;
                    }
                    at++;
                }
                uri = at < parts.length ? parts[at] : null;
            }
            if (uri != null && uri.matches("https?://\\S+") && !uri.contains("security")) {
                return Optional.of(uri);
            }
        }
        return Optional.empty();
    }

    static Optional<String> suite() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("VERSION_CODENAME=")) {
                    String codename = line.substring(17).replace("\"", "").strip();
                    return codename.isEmpty() ? Optional.empty() : Optional.of(codename);
                }
            }
        } catch (IOException e) {
            // not Linux: the default release is used
        }
        return Optional.empty();
    }

    private static List<String> lines(Path apt) {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> sources = Files.list(apt.resolve("sources.list.d"))) {
            sources.filter(file -> file.toString().endsWith(".sources")).sorted().forEach(files::add);
        } catch (IOException e) {
            // no sources.list.d
        }
        files.add(apt.resolve("sources.list"));
        try (Stream<Path> lists = Files.list(apt.resolve("sources.list.d"))) {
            lists.filter(file -> file.toString().endsWith(".list")).sorted().forEach(files::add);
        } catch (IOException e) {
            // no sources.list.d
        }
        List<String> lines = new ArrayList<>();
        for (Path file : files) {
            try {
                lines.addAll(Files.readAllLines(file));
            } catch (IOException e) {
                // an unreadable or missing file holds no mirror
            }
        }
        return lines;
    }
}
