package dev.groundwork.runners.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import dev.groundwork.model.execution.HostConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pinged connection to one Docker daemon, speaking the API version both sides know: the daemon's own (read from its
 * {@code _ping} before any versioned call) but never above {@value #NEWEST}, the version Groundwork is tested against,
 * and never below {@value #OLDEST}, the first with device requests (GPUs). Two clients share the endpoint: one for
 * commands, whose answers come within {@link #ANSWER}, and one for log streams, which stay open as long as a run prints
 * nothing.
 */
public final class DockerConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DockerConnection.class);
    static final String NEWEST = "1.41";
    static final String OLDEST = "1.40";
    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration ANSWER = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String host;
    private final String endpoint;
    private final Optional<Path> tlsDir;
    private final String apiVersion;
    private final DockerClient commands;
    private final DockerClient streams;
    private final DockerHttpClient streamHttp;

    private DockerConnection(HostConfig config, String apiVersion, DockerClient commands, DockerClient streams,
                             DockerHttpClient streamHttp) {
        this.host = config.name();
        this.endpoint = config.endpoint().orElseThrow();
        this.tlsDir = config.tlsDir();
        this.apiVersion = apiVersion;
        this.commands = commands;
        this.streams = streams;
        this.streamHttp = streamHttp;
    }

    /** Connects to the daemon {@code config} names and agrees on an API version; a sentence when it cannot. */
    static DockerConnection open(HostConfig config) throws DockerUnavailable {
        String endpoint = config.endpoint().orElseThrow(() -> new IllegalArgumentException(config.name()
                + " has no Docker endpoint"));
        Optional<LocalDirectorySSLConfig> ssl = ssl(config, endpoint);
        DockerHttpClient commandHttp = http(endpoint, ssl, ANSWER);
        DockerHttpClient streamHttp = null;
        try {
            String version = negotiate(config, commandHttp);
            streamHttp = http(endpoint, ssl, null);
            DockerConnection connection = new DockerConnection(config, version, client(endpoint, version, commandHttp),
                    client(endpoint, version, streamHttp), streamHttp);
            LOG.debug("Connected to {} at {} with API {}.", config.name(), endpoint, version);
            return connection;
        } catch (DockerUnavailable | RuntimeException e) {
            closeQuietly(commandHttp);
            if (streamHttp != null) {
                closeQuietly(streamHttp);
            }
            throw e;
        }
    }

    public String host() {
        return host;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The API version this connection speaks. */
    public String apiVersion() {
        return apiVersion;
    }

    /** For calls that answer at once (everything but following logs). */
    public DockerClient commands() {
        return commands;
    }

    /** For following a container's logs, which may stay quiet for as long as a run prints nothing. */
    DockerClient streams() {
        return streams;
    }

    /**
     * {@code docker import}: makes an image {@code repository:tag} of the (possibly gzipped) root file system tar in
     * {@code tar}, and returns what the daemon answered last. Sent by hand because docker-java's import command sends
     * its stream as JSON; on the streams client because unpacking a large image may take longer than a command's answer.
     */
    String importImage(InputStream tar, String repository, String tag) {
        String path = "/v" + apiVersion + "/images/create?fromSrc=-&repo=" + encode(repository) + "&tag=" + encode(tag);
        try (DockerHttpClient.Response response = streamHttp.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.POST).path(path)
                .putHeader("Content-Type", "application/x-tar").body(tar).build())) {
            String answer = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
            String last = "";
            for (String line : answer.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (node.hasNonNull("error")) {
                    throw new DockerException(node.get("error").asText(), 500);
                }
                last = node.path("status").asText(last);
            }
            if (response.getStatusCode() >= 400) {
                throw new DockerException(answer.strip(), response.getStatusCode());
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Whether the daemon answers a ping now. */
    boolean answers() {
        try {
            commands.pingCmd().exec();
            return true;
        } catch (RuntimeException e) {
            LOG.debug("{} did not answer a ping: {}", host, e.getMessage());
            return false;
        }
    }

    /** {@code e}, which a call through this connection threw, as a sentence for the researcher. */
    String unreachableSentence(Throwable e) {
        return DockerFailures.unreachableSentence(host, endpoint, tlsDir, e);
    }

    @Override
    public void close() {
        closeQuietly(commands);
        closeQuietly(streams);
    }

    private static Optional<LocalDirectorySSLConfig> ssl(HostConfig config, String endpoint) throws DockerUnavailable {
        if (!endpoint.startsWith("tcp://") || config.tlsDir().isEmpty()) {
            return Optional.empty();
        }
        Path dir = config.tlsDir().get();
        List<String> missing = List.of("ca.pem", "cert.pem", "key.pem").stream()
                .filter(name -> !Files.isReadable(dir.resolve(name))).toList();
        if (!missing.isEmpty()) {
            throw new DockerUnavailable("Host " + config.name() + "'s TLS folder " + dir + " lacks " + String.join(", ",
                    missing) + ": put the CA certificate (ca.pem) and the client's certificate and key (cert.pem,"
                    + " key.pem) there.", null);
        }
        LocalDirectorySSLConfig ssl = new LocalDirectorySSLConfig(dir.toString());
        try {
            ssl.getSSLContext();
        } catch (RuntimeException e) {
            throw new DockerUnavailable("Host " + config.name() + "'s TLS files in " + dir + " cannot be read ("
                    + DockerFailures.rootMessage(e) + "): check that ca.pem, cert.pem and key.pem are PEM files and"
                    + " that the key belongs to the certificate.", e);
        }
        return Optional.of(ssl);
    }

    private static DockerHttpClient http(String endpoint, Optional<LocalDirectorySSLConfig> ssl, Duration answer) {
        ZerodepDockerHttpClient.Builder builder = new ZerodepDockerHttpClient.Builder()
                .dockerHost(URI.create(endpoint))
                .connectionTimeout(CONNECT)
                .maxConnections(64);
        ssl.ifPresent(builder::sslConfig);
        if (answer != null) {
            builder.responseTimeout(answer);
        }
        return builder.build();
    }

    /** Reads the daemon's API version from its unversioned {@code _ping}, as the docker CLI does. */
    private static String negotiate(HostConfig config, DockerHttpClient http) throws DockerUnavailable {
        String endpoint = config.endpoint().orElseThrow();
        String offered;
        try (DockerHttpClient.Response response = http.execute(DockerHttpClient.Request.builder()
                .method(DockerHttpClient.Request.Method.GET).path("/_ping").build())) {
            if (response.getStatusCode() == 400 && endpoint.startsWith("tcp:") && config.tlsDir().isEmpty()) {
                throw new DockerUnavailable("Host " + config.name() + " at " + endpoint + " speaks TLS: give it a TLS"
                        + " folder with ca.pem, cert.pem and key.pem.", null);
            }
            if (response.getStatusCode() != 200) {
                throw new DockerUnavailable("Host " + config.name() + " at " + endpoint + " answered "
                        + response.getStatusCode() + " to a ping: check that the endpoint is a Docker daemon.", null);
            }
            offered = response.getHeader("Api-Version");
        } catch (RuntimeException e) {
            throw new DockerUnavailable(DockerFailures.unreachableSentence(config.name(), endpoint, config.tlsDir(), e),
                    e);
        }
        if (offered == null || offered.isBlank()) {
            return NEWEST; // a daemon older than API 1.24 would not be asked for GPUs anyway; try the newest we know
        }
        RemoteApiVersion theirs = RemoteApiVersion.parseConfig(offered.strip());
        if (!theirs.isGreaterOrEqual(RemoteApiVersion.parseConfig(OLDEST))) {
            throw new DockerUnavailable("Host " + config.name() + "'s Docker speaks API " + offered + "; Groundwork"
                    + " needs " + OLDEST + " or newer (Docker 19.03 or later): upgrade Docker there.", null);
        }
        return theirs.isGreaterOrEqual(RemoteApiVersion.parseConfig(NEWEST)) ? NEWEST : offered.strip();
    }

    private static DockerClient client(String endpoint, String version, DockerHttpClient http) {
        DefaultDockerClientConfig config = new DefaultDockerClientConfig.Builder()
                .withDockerHost(endpoint)
                .withDockerTlsVerify(false) // TLS is the HTTP client's, set up above
                .withApiVersion(version)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("Closing a Docker client failed: {}", e.toString());
        }
    }
}
