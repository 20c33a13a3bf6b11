package dev.groundwork.runners.docker;

import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns what docker-java throws into what happened: the daemon did not answer (the run may go elsewhere), or it
 * answered with a refusal; and each into one sentence that says what to check, never a stack trace.
 */
final class DockerFailures {

    private DockerFailures() {}

    /** Whether {@code e} means the daemon could not be reached or the connection broke (no HTTP answer came). */
    static boolean unreachable(Throwable e) {
        if (e instanceof DockerException) {
            return false; // the daemon answered with an HTTP status
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the daemon of {@code host} at {@code endpoint} could not be reached, as a sentence: TLS files that do not
     * fit, a socket that is missing or not ours, a refused port, a timeout.
     */
    static String unreachableSentence(String host, String endpoint, Optional<Path> tlsDir, Throwable e) {
        String reason = rootMessage(e);
        String lower = reason.toLowerCase(Locale.ROOT);
        String tls = tlsDir.map(Path::toString).orElse("the host's TLS folder");
        if (has(e, SSLException.class) && (lower.contains("pkix") || lower.contains("certification path")
                || lower.contains("subject alternative") || lower.contains("no name matching"))) {
            return "Groundwork does not trust the certificate of host " + host + " at " + endpoint + " (" + reason
                    + "): check that " + tls + "/ca.pem is the CA that signed the daemon's --tlscert, and that the"
                    + " certificate names the address in the endpoint.";
        }
        // With TLS 1.3 a server that rejects the client's certificate just closes the connection after the handshake.
        boolean closedOnUs = tlsDir.isPresent() && endpoint.startsWith("tcp:")
                && (lower.contains("broken pipe") || lower.contains("connection reset"));
        if (has(e, SSLException.class) || lower.contains("bad_certificate") || lower.contains("certificate_required")
                || lower.contains("unknown_ca") || closedOnUs) {
            return "Host " + host + " at " + endpoint + " refused Groundwork's TLS client certificate ("
                    + (closedOnUs ? "it closed the connection when shown the certificate" : reason) + "): check that "
                    + tls + "/cert.pem and key.pem were signed by the CA the daemon trusts (its --tlscacert).";
        }
        if (has(e, SocketTimeoutException.class) || lower.contains("timed out")) {
            return "Host " + host + " did not answer at " + endpoint + " in time (" + reason + "): check the address,"
                    + " the network and that the daemon is not overloaded.";
        }
        if (has(e, UnknownHostException.class)) {
            return "Host " + host + "'s address in " + endpoint + " is not known (" + reason + "): check the host"
                    + " name in its endpoint.";
        }
        if (lower.contains("permission denied") || lower.contains("eacces") || lower.contains("errno: 13")
                || lower.contains("errno 13")) {
            return "Groundwork may not use the Docker socket of host " + host + " (" + endpoint + ": " + reason
                    + "): add your user to the docker group and log in again, or use another endpoint.";
        }
        if (has(e, ConnectException.class) || lower.contains("no such file") || lower.contains("refused")
                || lower.contains("errno: 2") || lower.contains("errno: 111")) {
            return "Cannot reach the Docker daemon of host " + host + " at " + endpoint + " (" + reason + "): check"
                    + " that dockerd runs and listens there" + (endpoint.startsWith("tcp:")
                    ? " and that no firewall blocks the port." : ".");
        }
        return "Lost the connection to the Docker daemon of host " + host + " at " + endpoint + " (" + reason
                + "): check that dockerd still runs there.";
    }

    /** The daemon's own words for a refusal (its JSON {@code message}), or the exception's. */
    static String daemonMessage(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int at = message.indexOf("\"message\":\"");
        if (at >= 0) {
            int end = message.indexOf('"', at + 11);
            message = message.substring(at + 11, end < 0 ? message.length() : end);
        }
        message = message.replace("Status 400: ", "").replace("Status 404: ", "").replace("Status 409: ", "")
                .replace("Status 500: ", "").strip();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        }
        message = message.strip();
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
