package dev.groundwork.bench.cli;

import java.nio.file.Path;
import java.util.Comparator;

/** Orders release folders such as {@code commons-lang3-3.8.1} < {@code commons-lang3-3.12.0} by their version numbers. */
final class BenchVersions {

    static final Comparator<Path> BY_VERSION = Comparator.comparing(path -> key(path.getFileName().toString()));

    private BenchVersions() {}

    private static String key(String name) {
        // Pad every number so that text order is numeric order: 3.8.1 → 0000000003.0000000008.0000000001
        StringBuilder key = new StringBuilder();
        for (String part : name.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)")) {
            key.append(part.chars().allMatch(Character::isDigit) ? String.format("%010d", Long.parseLong(part)) : part);
        }
        return key.toString();
    }
}
