package dev.groundwork.app.loop;

import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExitCodes;
import dev.groundwork.app.cli.UserError;
import dev.groundwork.model.idea.Idea;
import dev.groundwork.model.inbox.IdeaInbox;
import dev.groundwork.model.patch.PatchStatus;
import dev.groundwork.model.search.HumanPatches;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.model.study.StudyLibrary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Seed an idea of your own into the current epoch, optionally with your own diff.",
            "A diff goes through the patch engine and pre-flight now; one that does not apply is refused and nothing is stored."})
public final class SeedCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--title", required = true, paramLabel = "T", description = "A short title.")
    String title;

    @Option(names = "--text", paramLabel = "FILE|-", description = "The idea's text from a file, or - for standard input.")
    String text;

    @Option(names = "--patch", paramLabel = "FILE", description = "Your unified diff against the baseline (author: human).")
    Path patch;

    @Option(names = "--parent", paramLabel = "ID", description = "An idea this one builds on (repeatable).")
    List<Long> parents = new ArrayList<>();

    private final StudyLibrary studies;
    private final LoopAssembly assembly;
    private final CliPrinter printer;
    private final InputStream stdin;

    public SeedCommand(StudyLibrary studies, LoopAssembly assembly, CliPrinter printer, InputStream stdin) {
        this.studies = studies;
        this.assembly = assembly;
        this.printer = printer;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws Exception {
        String body = readText();
        String diff = patch == null ? null : readPatch();
        try (StudyFolder study = studies.open(dir)) {
            if (study.readOnly()) {
                throw new UserError(ExitCodes.FAILURE, "Cannot seed: " + study.readOnlyReason().orElseThrow() + ".");
            }
            for (long parent : parents) {
                if (study.store().ideas().find(parent).isEmpty()) {
                    throw new UserError(ExitCodes.USAGE, "There is no idea " + parent + " to be a parent; `groundwork export "
                            + study.dir() + " --format csv` lists them.");
                }
            }
            HumanPatches humanPatches = assembly.humanPatches(study);
            IdeaInbox inbox = new IdeaInbox(study, humanPatches, null,
                    diff == null ? assembly.offlineImplementer(study).orElse(null) : null);
            String seeded;
            try {
                seeded = inbox.seed(title, body, parents, Optional.ofNullable(diff));
            } catch (IdeaInbox.SeedRefused refused) {
                throw new UserError(ExitCodes.USAGE, diff != null
                        ? "Your patch was not stored because it does not apply: " + refused.getMessage()
                        : "Nothing was seeded. " + refused.getMessage() + " (--patch FILE)");
            }
            printer.result(seeded);
            if (diff != null) {
                Idea idea = study.store().ideas().all().getLast();
                study.store().patches().forIdea(idea.id()).stream()
                        .filter(patch -> patch.status() == PatchStatus.PREFLIGHT_OK).findFirst()
                        .ifPresent(patch -> printer.note("Approve it with `groundwork approve " + study.dir() + " --patch "
                                + patch.id() + "`, or the next `groundwork run` passes it when gates.patch is auto."));
            } else {
                printer.note("The implementer (" + study.spec().agents().implementer() + ") writes its patch on the next"
                        + " `groundwork run " + study.dir() + "`.");
            }
        }
        return ExitCodes.OK;
    }

    private String readText() throws IOException {
        if (text == null) {
            return "";
        }
        if (text.equals("-")) {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        }
        return read(Path.of(text), "--text");
    }

    private String readPatch() {
        return read(patch, "--patch");
    }

    private static String read(Path file, String option) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UserError(ExitCodes.USAGE, "Cannot read " + option + " " + file + ": " + why(file, e) + ".");
        }
    }

    /** What stopped the read, in words (Java's messages for these are just the path). */
    static String why(Path file, IOException e) {
        if (Files.isDirectory(file)) {
            return "it is a folder, not a file";
        }
        return switch (e) {
            case java.nio.file.NoSuchFileException missing -> "there is no such file";
            case java.nio.file.AccessDeniedException denied -> "permission denied";
            case java.nio.charset.MalformedInputException binary -> "it is not UTF-8 text";
            default -> e.getMessage();
        };
    }
}
