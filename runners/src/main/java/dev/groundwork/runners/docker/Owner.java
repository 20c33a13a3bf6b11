package dev.groundwork.runners.docker;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which Groundwork process started a container: {@code hostname:pid}. Tells whether that process still lives when it
 * ran on this machine; on another machine nobody here can tell.
 */
record Owner(String hostname, long pid) {

    static Owner current() {
        return new Owner(localHostname(), ProcessHandle.current().pid());
    }

    /** The owner a label names, or null when the label is not one. */
    static Owner parse(String label) {
        if (label == null) {
            return null;
        }
        int colon = label.lastIndexOf(':');
        if (colon <= 0 || !label.substring(colon + 1).matches("\\d{1,10}")) {
            return null;
        }
        return new Owner(label.substring(0, colon), Long.parseLong(label.substring(colon + 1)));
    }

    String label() {
        return hostname + ":" + pid;
    }

    /** True when it ran on this machine (named as {@code here} is) and its process is gone. */
    boolean deadOn(Owner here) {
        return hostname.equals(here.hostname()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static String localHostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            String file = Files.readString(Path.of("/etc/hostname")).strip();
            if (!file.isEmpty()) {
                return file;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no such file: ask the resolver below
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
