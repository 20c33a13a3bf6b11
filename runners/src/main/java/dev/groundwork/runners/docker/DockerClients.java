package dev.groundwork.runners.docker;

import com.github.dockerjava.api.model.Container;
import dev.groundwork.model.execution.HostConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lazily built, pinged connection per Docker endpoint, shared by every study's target for that host (as
 * Testcontainers' {@code DockerClientProviderStrategy} keeps one client). A connection that could not be made is not
 * kept, so the next use tries again. When a connection is first made, stopped containers that earlier Groundworks left
 * on that daemon are removed (as Testcontainers' {@code ResourceReaper} does): those whose Groundwork ran on this
 * machine and is gone, and any that stopped more than {@link #ABANDONED} ago, which no live Groundwork still reads.
 */
public final class DockerClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DockerClients.class);
    static final Duration ABANDONED = Duration.ofMinutes(10);

    private final Owner owner;
    private final Map<String, DockerConnection> connections = new HashMap<>();

    public DockerClients() {
        this(Owner.current());
    }

    DockerClients(Owner owner) {
        this.owner = owner;
    }

    /** This Groundwork, as its containers' owner label names it. */
    Owner owner() {
        return owner;
    }

    /** The connection to {@code host}'s daemon, made (and pinged) on first use; a sentence when it cannot be. */
    public DockerConnection connect(HostConfig host) throws DockerUnavailable {
        String key = host.endpoint().orElse("") + "|" + host.tlsDir().map(Object::toString).orElse("");
        synchronized (connections) {
            DockerConnection known = connections.get(key);
            if (known != null) {
                return known;
            }
            DockerConnection made = DockerConnection.open(host);
            connections.put(key, made);
            removeLeftovers(made);
            return made;
        }
    }

    @Override
    public void close() {
        synchronized (connections) {
            connections.values().forEach(DockerConnection::close);
            connections.clear();
        }
    }

    private void removeLeftovers(DockerConnection docker) {
        try {
            List<Container> stopped = docker.commands().listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(Labels.RUN)).exec().stream()
                    .filter(container -> !"running".equals(container.getState())
                            && !"restarting".equals(container.getState())).toList();
            for (Container container : stopped) {
                Owner by = Owner.parse(container.getLabels().get(Labels.OWNER));
                boolean ownerGone = by != null && by.deadOn(owner);
                if (ownerGone || stoppedLongAgo(docker, container)) {
                    LOG.info("Removing container {} (run {}) that a Groundwork left stopped on {}.",
                            container.getId(), container.getLabels().get(Labels.RUN), docker.host());
                    docker.commands().removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true)
                            .exec();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the containers earlier Groundworks left on {}: {}", docker.host(),
                    e.getMessage());
        }
    }

    private static boolean stoppedLongAgo(DockerConnection docker, Container container) {
        String finished = docker.commands().inspectContainerCmd(container.getId()).exec().getState().getFinishedAt();
        Instant since = finished == null || finished.startsWith("0001-")
                ? Instant.ofEpochSecond(container.getCreated() == null ? 0 : container.getCreated())
                : Instant.parse(finished);
        return since.isBefore(Instant.now().minus(ABANDONED));
    }
}
