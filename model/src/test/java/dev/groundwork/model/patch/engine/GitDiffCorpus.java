package dev.groundwork.model.patch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real diffs: consecutive releases of commons-lang3 (unpacked by the model's pom into target/patch-corpus), diffed file
 * by file by {@code git diff --no-index}, for every file both releases have with different text.
 */
final class GitDiffCorpus {

    static final Path ROOT = Path.of("target", "patch-corpus");
    static final List<String> RELEASES = List.of("commons-lang3-3.8.1", "commons-lang3-3.12.0", "commons-lang3-3.17.0");

    /** One file changed between two releases, and git's diff of it (paths relative to the source root). */
    record Entry(String release, String path, String before, String after, String diff) {}

    private static List<Entry> entries;

    private GitDiffCorpus() {}

    static synchronized List<Entry> entries() throws IOException {
        if (entries == null) {
            assertThat(ROOT.resolve(RELEASES.getFirst())).as("the corpus is unpacked by 'mvn generate-test-resources'")
                    .isDirectory();
            List<Entry> all = new ArrayList<>();
            for (int i = 0; i + 1 < RELEASES.size(); i++) {
                all.addAll(diff(RELEASES.get(i), RELEASES.get(i + 1)));
            }
            entries = List.copyOf(all);
        }
        return entries;
    }

    /** One {@code git diff --no-index} of the two source trees, split into files; added and deleted files left out. */
    private static List<Entry> diff(String older, String newer) throws IOException {
        GitProcess.Output output = GitProcess.run(ROOT, "diff", "--no-index", "--no-renames", "--no-color",
                "--src-prefix=a/", "--dst-prefix=b/", older, newer);
        assertThat(output.exitCode()).as(output.stderr()).isEqualTo(1);
        List<Entry> result = new ArrayList<>();
        for (String section : new String(output.stdout(), StandardCharsets.UTF_8).split("(?m)^(?=diff --git )")) {
            String[] header = section.substring(0, section.indexOf('\n')).split(" ");
            String path = header[2].substring(("a/" + older + "/").length());
            Path before = ROOT.resolve(older).resolve(path);
            Path after = ROOT.resolve(newer).resolve(path);
            if (section.contains("\nnew file mode") || section.contains("\ndeleted file mode")
                    || !section.contains("\n@@ ")) {
                continue;
            }
            String diff = relative(section, older, newer);
            result.add(new Entry(older + " → " + newer, path, Files.readString(before), Files.readString(after), diff));
        }
        return result;
    }

    /** git names the files by their release folders; the engine's diffs name them inside the source root. */
    private static String relative(String section, String older, String newer) {
        int hunks = section.indexOf("\n@@ ");
        return section.substring(0, hunks).replace("a/" + older + "/", "a/").replace("b/" + newer + "/", "b/")
                + section.substring(hunks);
    }

    /** What {@code git apply} makes of {@code patch} in a folder holding {@code files}: path → bytes of each. */
    static Map<String, byte[]> gitApply(Path dir, Map<String, String> files, String patch) throws IOException {
        Path tree = dir.resolve("tree");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.createDirectories(tree.resolve(file.getKey()).getParent());
            Files.writeString(tree.resolve(file.getKey()), file.getValue());
        }
        Files.writeString(dir.resolve("change.diff"), patch);
        GitProcess.Output output = GitProcess.run(tree, "apply", "--whitespace=nowarn", "../change.diff");
        assertThat(output.exitCode()).as(output.stderr()).isZero();
        Map<String, byte[]> result = new LinkedHashMap<>();
        for (String path : files.keySet()) {
            result.put(path, Files.readAllBytes(tree.resolve(path)));
        }
        return result;
    }
}
