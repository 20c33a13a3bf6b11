package dev.groundwork.app.cli;

/** 0 success, 1 a runtime failure, 2 a usage or spec error. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private ExitCodes() {}
}
