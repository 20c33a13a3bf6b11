package dev.groundwork.views.settings;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider's base URL as typed: whether the LLM clients will take it (an http(s) URL with a host, no user or query),
 * and whether it is a server that may go without a key (this machine or a private network), by the rules of
 * docs/llm.md.
 */
final class BaseUrls {

    private BaseUrls() {}

    /** The sentence for {@code typed}; empty when it is usable (or empty, which means the default). */
    static String problem(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return "";
        }
        Optional<URI> uri = parse(text);
        if (uri.isEmpty() || uri.get().getHost() == null || !isHttp(uri.get())) {
            return "Type an http(s) URL with a host, e.g. http://localhost:11434/v1.";
        }
        if (uri.get().getUserInfo() != null || uri.get().getQuery() != null) {
            return "Leave the user, password and query out of the URL; type the key in its own field.";
        }
        return "";
    }

    /** Whether the server is on this machine or a private network address (a name is not looked up). */
    static boolean isLocal(String url) {
        Optional<URI> uri = parse(url == null ? "" : url.strip());
        String host = uri.map(URI::getHost).orElse(null);
        if (host == null) {
            return false;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.ofLiteral(host);
            return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress();
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static Optional<URI> parse(String text) {
        try {
            return Optional.of(new URI(text));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
