package dev.groundwork.model.patch.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one hunk, from its {@code @@} header to the first line that cannot belong to it. The header's counts are not
 * trusted to end the hunk (LLMs get them wrong, so the engine recomputes them): they only settle whether trailing
 * empty lines belong to it, and whether a {@code ---}/{@code +++} pair is two body lines or the next file's header.
 */
final class HunkReader {

    private static final Pattern NUMBERED =
            Pattern.compile("^@@+\\s*-(\\d+)(?:,(\\d+))?\\s+\\+(\\d+)(?:,(\\d+))?\\s*(?:@@.*)?$");

    /**
     * @param next    the index of the first line after the hunk
     * @param sawCr   whether body lines ended in CR (kept as the file's own line endings)
     * @param problem why the hunk is malformed, or null
     * @param recount what the header said when its counts were wrong, or null
     */
    record Result(Hunk hunk, int next, boolean sawCr, String problem, String recount) {}

    private final List<String> lines;
    private final String where;
    private final List<HunkLine> body = new ArrayList<>();
    private int pos;
    private int oldSeen;
    private int newSeen;
    private boolean sawCr;

    private HunkReader(List<String> lines, int header, String where) {
        this.lines = lines;
        this.pos = header;
        this.where = where;
    }

    /** Reads the hunk whose header is {@code lines[header]}; {@code where} names it ("hunk 2 of 'x.py'"). */
    static Result read(List<String> lines, int header, String where) {
        return new HunkReader(lines, header, where).read();
    }

    private Result read() {
        Matcher header = NUMBERED.matcher(stripCr(lines.get(pos)).strip());
        boolean numbered = header.matches();
        int oldStart = numbered ? Integer.parseInt(header.group(1)) : 0;
        int statedOld = numbered ? count(header.group(2)) : -1;
        int statedNew = numbered ? count(header.group(4)) : -1;
        boolean oldMissingNewline = false;
        boolean newMissingNewline = false;
        String problem = null;
        int blanks = 0; // empty lines not yet known to be context (an editor stripped the lone space)
        for (pos++; pos < lines.size(); pos++) {
            String raw = lines.get(pos);
            String line = stripCr(raw);
            boolean exhausted = !numbered || oldSeen >= statedOld && newSeen >= statedNew;
            if (line.isEmpty()) {
                blanks++;
            } else if (line.charAt(0) == '\\') { // \ No newline at end of file, about the line before
                blanks = addBlanks(blanks);
                HunkLine.Kind last = body.isEmpty() ? HunkLine.Kind.CONTEXT : body.getLast().kind();
                oldMissingNewline |= !body.isEmpty() && last != HunkLine.Kind.ADDED;
                newMissingNewline |= !body.isEmpty() && last != HunkLine.Kind.REMOVED;
            } else if (isBodyLine(line) && !startsNextFile(exhausted)) {
                blanks = addBlanks(blanks);
                add(line, raw.length() != line.length());
            } else {
                if (!exhausted && continuesAfter(line)) {
                    problem = where + ": the line '" + line + "' does not start with ' ', '+' or '-'; start every line "
                            + "of a hunk with one of them (a space for an unchanged line).";
                }
                break;
            }
        }
        if (blanks > 0 && numbered && oldSeen + blanks == statedOld && newSeen + blanks == statedNew) {
            addBlanks(blanks);
        }
        String recount = numbered && (oldSeen != statedOld || newSeen != statedNew)
                ? where + ": header -" + oldStart + "," + statedOld + " +" + header.group(3) + "," + statedNew
                        + ", body " + oldSeen + " old and " + newSeen + " new lines"
                : null;
        Hunk hunk = new Hunk(oldStart, numbered, body, oldMissingNewline, newMissingNewline);
        return new Result(hunk, pos, sawCr, problem, recount);
    }

    /** A line inside a hunk that lost its prefix: more body lines follow it, before any header. */
    private boolean continuesAfter(String line) {
        return pos + 1 < lines.size() && isBodyLine(stripCr(lines.get(pos + 1))) && !line.startsWith("@@")
                && !line.startsWith("diff --git ") && !isFileHeader(pos);
    }

    private int addBlanks(int blanks) {
        for (int i = 0; i < blanks; i++) {
            add(" ", false);
        }
        return 0;
    }

    private void add(String line, boolean cr) {
        HunkLine.Kind kind = switch (line.charAt(0)) {
            case '+' -> HunkLine.Kind.ADDED;
            case '-' -> HunkLine.Kind.REMOVED;
            default -> HunkLine.Kind.CONTEXT;
        };
        oldSeen += kind != HunkLine.Kind.ADDED ? 1 : 0;
        newSeen += kind != HunkLine.Kind.REMOVED ? 1 : 0;
        sawCr |= cr;
        body.add(new HunkLine(kind, line.substring(1), cr));
    }

    /** A removed "-- x" line followed by an added "++ y" line looks like a file header; a hunk header after decides. */
    private boolean startsNextFile(boolean exhausted) {
        return isFileHeader(pos) && (exhausted || pos + 2 < lines.size() && lines.get(pos + 2).startsWith("@@"));
    }

    private boolean isFileHeader(int at) {
        return DiffParser.isFileHeader(lines, at);
    }

    private static boolean isBodyLine(String line) {
        return !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '+' || line.charAt(0) == '-');
    }

    private static int count(String stated) {
        return stated == null ? 1 : Integer.parseInt(stated);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
