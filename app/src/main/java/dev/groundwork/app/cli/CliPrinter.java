package dev.groundwork.app.cli;

import java.io.PrintWriter;

/**
 * The only place that writes to the terminal: results to standard output, messages for the user to standard error.
 * What the CLI tells a user is not a log line; a log line is never the only report of an error.
 */
public final class CliPrinter {

    private final PrintWriter out;
    private final PrintWriter err;

    public CliPrinter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** A printer on the process's own streams. */
    public static CliPrinter system() {
        return new CliPrinter(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** A result line on standard output. */
    public void result(String line) {
        out.println(line);
        out.flush();
    }

    /** Progress or a notice on standard error, so that standard output stays machine-readable. */
    public void note(String line) {
        err.println(line);
        err.flush();
    }

    /** An error sentence on standard error. */
    public void error(String sentence) {
        err.println("groundwork: " + sentence);
        err.flush();
    }
}
