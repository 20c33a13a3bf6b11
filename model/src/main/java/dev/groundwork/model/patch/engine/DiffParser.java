package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads unified diffs as LLMs and people write them: git or bare {@code ---}/{@code +++} headers, with or without
 * {@code a/} {@code b/} prefixes, several files, new and deleted files, CR LF, {@code \ No newline at end of file},
 * prose and markdown fences around the diff ({@link DiffExtractor}), hunk counts that are wrong ({@link HunkReader}).
 * What cannot be applied at all (binary patches, renames, symbolic links, malformed hunks) is refused with every
 * problem named at once.
 */
public final class DiffParser {

    private static final String BINARY_FILES = "Binary files ";

    private final List<String> lines;
    private final Set<String> problems = new LinkedHashSet<>();
    private final List<FilePatch> files = new ArrayList<>();
    private final List<String> recounted = new ArrayList<>();
    private Section section;
    private int pos;

    private DiffParser(List<String> lines) {
        this.lines = lines;
    }

    /** Parses {@code text}, which may be a bare diff or a whole LLM reply around one. */
    public static ParsedPatch parse(String text) throws PatchRejectedException {
        List<String> notes = new ArrayList<>();
        List<String> textLines = List.of(text.split("\n", -1));
        // The text's final newline ends its last line; it does not start an empty one.
        DiffExtractor.Extraction extraction = DiffExtractor.extract(text.endsWith("\n")
                ? textLines.subList(0, textLines.size() - 1) : textLines);
        if (extraction.note() != null) {
            notes.add(extraction.note());
        }
        List<String> lines = extraction.lines();
        // CR on the header lines too means the whole reply went through CR LF; a git diff of a CR LF file has CR on
        // content lines only, and there the CRs are the file's own.
        if (lines.stream().anyMatch(line -> line.endsWith("\r") && isHeaderLine(line))) {
            lines = lines.stream().map(DiffParser::stripCr).toList();
            notes.add("converted the diff's Windows line endings (CR LF)");
        }
        DiffParser parser = new DiffParser(lines);
        parser.run();
        if (parser.files.isEmpty() && parser.problems.isEmpty()) {
            parser.problems.add("no unified diff found: expected '--- a/PATH' and '+++ b/PATH' lines followed by "
                    + "'@@ -LINE,COUNT +LINE,COUNT @@' hunks.");
        }
        if (!parser.problems.isEmpty()) {
            throw new PatchRejectedException(List.copyOf(parser.problems));
        }
        if (!parser.recounted.isEmpty()) {
            notes.add("recomputed the line counts of " + Plural.of(parser.recounted.size(), "hunk")
                    + " whose header disagreed with its body (" + String.join("; ", parser.recounted) + ")");
        }
        return new ParsedPatch(parser.files, notes);
    }

    private void run() {
        while (pos < lines.size()) {
            String line = stripCr(lines.get(pos));
            if (line.startsWith("diff --git ")) {
                finishSection();
                section = Section.fromGitHeader(line.substring("diff --git ".length()));
                pos++;
            } else if (isFileHeader(pos)) {
                fileHeader();
                pos += 2;
            } else if (line.startsWith("@@")) {
                hunk();
            } else {
                if (line.startsWith(BINARY_FILES) && line.endsWith(" differ")) {
                    int and = Math.max(line.indexOf(" and "), BINARY_FILES.length());
                    binary(section != null ? section.name()
                            : DiffPaths.normalize(line.substring(BINARY_FILES.length(), and)));
                } else if (section != null && section.inGitHeader && !extendedHeader(line)) {
                    section.inGitHeader = false;
                }
                pos++; // prose, or a header line this engine has no use for
            }
        }
        finishSection();
    }

    private void fileHeader() {
        String oldPath = DiffPaths.fromFileHeader(stripCr(lines.get(pos)).substring(4));
        String newPath = DiffPaths.fromFileHeader(stripCr(lines.get(pos + 1)).substring(4));
        boolean continuesGitHeader = section != null && section.inGitHeader
                && sameFile(section.oldPath, oldPath) && sameFile(section.newPath, newPath);
        if (!continuesGitHeader) {
            finishSection();
            section = new Section();
        }
        section.inGitHeader = false;
        section.oldPath = oldPath;
        section.newPath = newPath;
    }

    private static boolean sameFile(String inGitHeader, String inFileHeader) {
        return inGitHeader == null || inFileHeader == null || inGitHeader.equals(inFileHeader);
    }

    /** Handles one line of a git extended header; false when the line is not one. */
    private boolean extendedHeader(String line) {
        if (line.startsWith("new file mode ")) {
            section.oldPath = null;
            section.mode = mode(line.substring("new file mode ".length()));
        } else if (line.startsWith("deleted file mode ")) {
            section.newPath = null;
            mode(line.substring("deleted file mode ".length()));
        } else if (line.startsWith("old mode ")) {
            mode(line.substring("old mode ".length()));
        } else if (line.startsWith("new mode ")) {
            section.mode = mode(line.substring("new mode ".length()));
        } else if (line.startsWith("index ")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 3) {
                mode(parts[2]);
            }
        } else if (line.startsWith("rename from ") || line.startsWith("rename to ")
                || line.startsWith("copy from ") || line.startsWith("copy to ")) {
            section.renameOrCopy = line.startsWith("rename") ? "rename" : "copy";
        } else if (line.startsWith("GIT binary patch")) {
            binary(section.name());
        } else {
            return line.startsWith("similarity index ") || line.startsWith("dissimilarity index ");
        }
        return true;
    }

    /** The mode a header line names; null, with the section rejected, for one a patch may not give a file. */
    private FileMode mode(String octal) {
        String mode = octal.strip();
        String name = "'" + section.name() + "'";
        if (mode.equals("120000")) {
            reject(name + " is a symbolic link (mode 120000); patches may only change regular files.");
        } else if (mode.equals("160000")) {
            reject(name + " is a submodule (mode 160000); patches may only change regular files.");
        } else if (FileMode.ofOctal(mode).isEmpty()) {
            reject(name + " has file mode " + mode + "; use 100644 (a regular file) or 100755 (an executable).");
        }
        return FileMode.ofOctal(mode).orElse(null);
    }

    private void binary(String name) {
        reject("'" + name + "' is a binary patch; Groundwork applies text diffs only, so leave binary files out of the "
                + "diff.");
    }

    private void reject(String problem) {
        problems.add(problem);
        if (section != null) {
            section.rejected = true;
        }
    }

    private void hunk() {
        if (section == null) {
            problems.add("a hunk ('@@ … @@') comes before any file header; start each file with '--- a/PATH' and "
                    + "'+++ b/PATH' lines.");
            section = new Section();
            section.rejected = true;
        }
        section.inGitHeader = false;
        HunkReader.Result read = HunkReader.read(lines, pos, "hunk " + (section.hunks.size() + 1) + " of '"
                + section.name() + "'");
        section.hunks.add(read.hunk());
        section.crlfAware |= read.sawCr();
        if (read.problem() != null) {
            reject(read.problem());
        }
        if (read.recount() != null) {
            recounted.add(read.recount());
        }
        pos = read.next();
    }

    private void finishSection() {
        Section done = section;
        section = null;
        if (done == null || done.rejected) {
            return;
        }
        if (done.renameOrCopy != null || done.differentNames()) {
            problems.add(done.renameOrCopyProblem());
        } else if (done.oldPath == null && done.newPath == null) {
            problems.add("a file section names no file: write '--- a/PATH' and '+++ b/PATH' (with '/dev/null' on one "
                    + "side for a new or a deleted file).");
        } else if (done.hunks.isEmpty() && done.mode == null && done.oldPath != null && done.newPath != null) {
            problems.add("'" + done.name() + "' has a header but no hunks ('@@ … @@'); add its changes or leave the "
                    + "file out.");
        } else {
            files.add(new FilePatch(done.oldPath, done.newPath, done.mode, done.hunks, done.crlfAware));
        }
    }

    private boolean isFileHeader(int at) {
        return isFileHeader(lines, at);
    }

    static boolean isFileHeader(List<String> lines, int at) {
        return lines.get(at).startsWith("--- ") && at + 1 < lines.size() && lines.get(at + 1).startsWith("+++ ");
    }

    private static boolean isHeaderLine(String line) {
        return line.startsWith("@@") || line.startsWith("+++ ") || line.startsWith("--- ")
                || line.startsWith("diff --git ");
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The file section being read. */
    private static final class Section {
        String oldPath;
        String newPath;
        boolean inGitHeader;
        boolean rejected;
        boolean crlfAware;
        String renameOrCopy;
        FileMode mode;
        final List<Hunk> hunks = new ArrayList<>();

        static Section fromGitHeader(String rest) {
            Section section = new Section();
            String[] paths = DiffPaths.fromGitHeader(rest);
            section.oldPath = paths[0];
            section.newPath = paths[1];
            section.inGitHeader = true;
            return section;
        }

        String name() {
            String name = newPath != null ? newPath : oldPath;
            return name != null ? name : "(unnamed file)";
        }

        boolean differentNames() {
            return oldPath != null && newPath != null && !oldPath.equals(newPath);
        }

        String renameOrCopyProblem() {
            if ("copy".equals(renameOrCopy)) {
                return "'" + oldPath + "' → '" + newPath + "' is a copy, which patches may not make; create '" + newPath
                        + "' ('--- /dev/null') with all its lines instead.";
            }
            return "'" + oldPath + "' → '" + newPath + "' is a rename, which patches may not make; delete '" + oldPath
                    + "' ('+++ /dev/null') and create '" + newPath + "' ('--- /dev/null') instead.";
        }
    }
}
