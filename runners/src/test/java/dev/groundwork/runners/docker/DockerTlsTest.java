package dev.groundwork.runners.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.runners.common.RecordingListener;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote Docker host: a second daemon on {@code tcp://127.0.0.1:PORT} that verifies TLS client certificates, with a
 * CA, server and client certificates this test makes with openssl. The right certificates run a container; a client
 * certificate from another CA, or a CA that did not sign the server's, is one sentence that says what to check.
 */
class DockerTlsTest {

    @TempDir
    Path temp;

    @Test
    void aTlsHostRunsWithTheRightCertificatesAndRefusesWrongOnesWithASentence() throws Exception {
        TestDocker.endpoint();
        Path pki = Files.createDirectories(temp.resolve("pki"));
        Path good = certificates(pki, "good");
        Path stranger = certificates(pki, "stranger");
        Path wrongClient = Files.createDirectories(temp.resolve("wrong-client"));
        Files.copy(good.resolve("ca.pem"), wrongClient.resolve("ca.pem"));
        Files.copy(stranger.resolve("cert.pem"), wrongClient.resolve("cert.pem"));
        Files.copy(stranger.resolve("key.pem"), wrongClient.resolve("key.pem"));
        Path wrongCa = Files.createDirectories(temp.resolve("wrong-ca"));
        Files.copy(stranger.resolve("ca.pem"), wrongCa.resolve("ca.pem"));
        Files.copy(good.resolve("cert.pem"), wrongCa.resolve("cert.pem"));
        Files.copy(good.resolve("key.pem"), wrongCa.resolve("key.pem"));
        int port = freePort();
        String endpoint = "tcp://127.0.0.1:" + port;

        try (DockerClients mainClients = new DockerClients();
             PrivateDaemon daemon = PrivateDaemon.start(temp.resolve("d"), "--host", endpoint, "--tlsverify",
                     "--tlscacert", good.resolve("ca.pem").toString(),
                     "--tlscert", good.resolve("server-cert.pem").toString(),
                     "--tlskey", good.resolve("server-key.pem").toString());
             DockerClients clients = new DockerClients()) {
            var mainDocker = mainClients.connect(TestDocker.host("main", List.of())).commands();
            TestDocker.requireImage(mainDocker, TestDocker.BUSYBOX);
            HostConfig remote = host("remote", endpoint, good);
            daemon.load(mainDocker, clients.connect(remote).commands(), TestDocker.BUSYBOX);
            DockerRunTarget target = new DockerRunTarget(remote, Slots.cpu("remote", 1), clients, Duration.ofSeconds(1));
            RecordingListener listener = new RecordingListener();

            HostHealth healthy = target.check();
            target.start(new TestDocker.Runs(temp).shell("echo over tls", target.slots().getFirst(),
                    Duration.ofMinutes(1), TestDocker.options(TestDocker.BUSYBOX)), listener);
            RunExit exit = listener.awaitExit();
            HostHealth refusedClient = new DockerRunTarget(host("remote", endpoint, wrongClient),
                    Slots.cpu("remote", 1), clients, Duration.ofSeconds(1)).check();
            HostHealth untrusted = new DockerRunTarget(host("remote", endpoint, wrongCa), Slots.cpu("remote", 1),
                    clients, Duration.ofSeconds(1)).check();
            HostHealth plain = new DockerRunTarget(new HostConfig("remote", HostConfig.Kind.DOCKER,
                    Optional.of(endpoint), Optional.empty(), Optional.empty(), 1, false), Slots.cpu("remote", 1),
                    clients, Duration.ofSeconds(1)).check();

            assertThat(healthy.healthy()).isTrue();
            assertThat(exit.succeeded()).isTrue();
            assertThat(listener.texts(false)).containsExactly("over tls");
            assertThat(refusedClient.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("Host remote at " + endpoint + " refused Groundwork's TLS client certificate (")
                    .endsWith("): check that " + wrongClient + "/cert.pem and key.pem were signed by the CA the daemon"
                            + " trusts (its --tlscacert)."));
            assertThat(untrusted.problem()).hasValueSatisfying(problem -> assertThat(problem)
                    .startsWith("Groundwork does not trust the certificate of host remote at " + endpoint + " (")
                    .endsWith("): check that " + wrongCa + "/ca.pem is the CA that signed the daemon's --tlscert, and"
                            + " that the certificate names the address in the endpoint."));
            assertThat(plain.problem()).hasValue("Host remote at " + endpoint + " speaks TLS: give it a TLS folder with"
                    + " ca.pem, cert.pem and key.pem.");
        }
    }

    private static HostConfig host(String name, String endpoint, Path tls) {
        return new HostConfig(name, HostConfig.Kind.DOCKER, Optional.of(endpoint), Optional.of(tls), Optional.empty(),
                1, false);
    }

    /** A CA, a server certificate for 127.0.0.1 and a client certificate, all signed by that CA, in {@code dir/name}. */
    private static Path certificates(Path dir, String name) throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve(name));
        Files.writeString(out.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
        Files.writeString(out.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        openssl(out, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca-key.pem", "-out", "ca.pem", "-days", "2", "-subj", "/CN=groundwork test CA " + name);
        openssl(out, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server-key.pem", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        openssl(out, "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", "server-cert.pem", "-days", "2", "-extfile", "server.ext");
        openssl(out, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "key.pem", "-out", "client.csr", "-subj", "/CN=groundwork client");
        openssl(out, "x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-out", "cert.pem", "-days", "2", "-extfile", "client.ext");
        return out;
    }

    private static void openssl(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
