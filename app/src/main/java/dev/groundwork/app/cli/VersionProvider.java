package dev.groundwork.app.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code groundwork --version}: the build (version, commit, date) and the Java runtime it runs on. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {BuildInfo.current().describe(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")"};
    }
}
