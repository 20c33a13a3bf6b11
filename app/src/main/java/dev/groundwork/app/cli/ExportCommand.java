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
        description = "Export ideas, patches and runs with rewards: CSV (one row per run) or JSON (everything).")
public final class ExportCommand implements Callable<Integer> {

    enum Format { csv, json }

    @Parameters(paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--format", required = true, paramLabel = "csv|json", description = "csv or json.")
    Format format;

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
        try (StudyFolder study = studies.open(dir)) {
            StudyExporter exporter = new StudyExporter(study.store(), study.name());
            if (out == null) {
                write(exporter, printer.out());
                printer.out().flush();
            } else {
                writeFile(exporter, out.toAbsolutePath());
                printer.note("Exported " + study.name() + " to " + out.toAbsolutePath() + ".");
            }
        }
        return ExitCodes.OK;
    }

    private void write(StudyExporter exporter, Writer writer) throws IOException {
        if (format == Format.csv) {
            exporter.writeCsv(writer);
        } else {
            exporter.writeJson(writer);
        }
    }

    /** Writes beside the target and moves into place, so a failed export never leaves half a file. */
    private void writeFile(StudyExporter exporter, Path target) {
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
                write(exporter, writer);
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
