package dev.groundwork.app.cli;

import dev.groundwork.app.Composition;
import dev.groundwork.model.settings.AppDirs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the real CLI in-process against a private set of user folders, capturing what it prints. */
public final class CliRunner {

    public record Outcome(int exitCode, String out, String err) {}

    private final AppDirs dirs;
    private final Map<String, String> env;
    private final Composition.Extension extension;

    public CliRunner(Path home) {
        this(home, Map.of());
    }

    /** @param env the environment the CLI sees (API keys, base URLs); nothing of the real one leaks in */
    public CliRunner(Path home, Map<String, String> env) {
        this(home, env, Composition.Extension.NONE);
    }

    /** @param extension commands beside the product's, as the bench module's command line adds them */
    public CliRunner(Path home, Map<String, String> env, Composition.Extension extension) {
        this.dirs = new AppDirs(home.resolve("config"), home.resolve("data"), home.resolve("cache"), home.resolve("state"));
        this.env = env;
        this.extension = extension;
    }

    public Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (Composition composition = new Composition(dirs, new CliPrinter(new PrintWriter(out, true), new PrintWriter(err, true)),
                env)) {
            code = composition.cli(extension).run(args);
        }
        return new Outcome(code, out.toString(), err.toString());
    }

    public AppDirs dirs() {
        return dirs;
    }
}
