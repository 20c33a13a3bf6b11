package dev.groundwork.app.cli;

import dev.groundwork.model.export.StudyExporter;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        // The command list shows the first line alone: it is a whole sentence.
        description = {"Export a study for analysis elsewhere: runs, ideas, metrics or lineage, as CSV or JSON.",
            "Metrics are the training curves in long format; --what all writes everything (spec, baseline reward, ideas,",
            "patches with their diffs, runs) as JSON."})
public final class ExportCommand implements Callable<Integer> {

    enum Format { csv, json }

    @Parameters(paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--format", required = true, paramLabel = "csv|json", description = "csv or json.")
    Format format;

    @Option(names = "--what", paramLabel = "runs|ideas|metrics|lineage|all",
            description = "What to export (default: runs for CSV, all for JSON; all is JSON only).")
    String what;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    private final StudyLibrary studies;
    private final CliPrinter printer;

    public ExportCommand(StudyLibrary studies, CliPrinter printer) {
        this.studies = studies;
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        StudyExporter.What chosen = what();
        try (StudyFolder study = studies.open(dir)) {
            StudyExporter exporter = new StudyExporter(study);
            if (out == null) {
                write(exporter, chosen, printer.out());
                printer.out().flush();
            } else {
                writeFile(exporter, chosen, out.toAbsolutePath());
                printer.note("Exported " + study.name() + " to " + out.toAbsolutePath() + ".");
            }
        }
        return ExitCodes.OK;
    }

    private StudyExporter.What what() {
        if (what == null) {
            return format == Format.csv ? StudyExporter.What.RUNS : StudyExporter.What.ALL;
        }
        for (StudyExporter.What candidate : StudyExporter.What.values()) {
            if (candidate.wireName().equals(what.toLowerCase(java.util.Locale.ROOT))) {
                if (candidate == StudyExporter.What.ALL && format == Format.csv) {
                    throw new UserError(ExitCodes.USAGE, "--what all is JSON only (a CSV file holds one table); choose"
                            + " --format json, or one of runs, ideas, metrics, lineage.");
                }
                return candidate;
            }
        }
        throw new UserError(ExitCodes.USAGE, "--what must be runs, ideas, metrics, lineage or all, not '" + what + "'.");
    }

    private void write(StudyExporter exporter, StudyExporter.What chosen, Writer writer) throws IOException {
        if (format == Format.csv) {
            exporter.writeCsv(chosen, writer);
        } else {
            exporter.writeJson(chosen, writer);
        }
    }

    /** Writes beside the target and moves into place, so a failed export never leaves half a file. */
    private void writeFile(StudyExporter exporter, StudyExporter.What chosen, Path target) {
        Path temp = null;
        try {
            Path parent = target.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new IOException("the folder " + parent + " does not exist");
            }
            if (Files.isDirectory(target)) {
                throw new IOException("it is a folder");
            }
            temp = Files.createTempFile(parent, ".export", ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                write(exporter, chosen, writer);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UserError(ExitCodes.FAILURE, "Cannot write " + target + " (" + describe(e) + "); choose another --out"
                    + " path or leave --out out to print to standard output.", e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // only a temp file
            }
        }
    }
}
