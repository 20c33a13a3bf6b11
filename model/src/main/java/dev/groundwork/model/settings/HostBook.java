package dev.groundwork.model.settings;

import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.execution.HostConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hosts runs may go to, as the researcher keeps them in the settings: added, drained, removed, each change
 * checked first and saved at once. This machine's processes are always a host ({@value HostConfig#LOCAL}) and are not
 * kept here.
 */
public final class HostBook {

    private final SettingsStore settings;

    public HostBook(SettingsStore settings) {
        this.settings = settings;
    }

    /** The hosts of the settings, in the order they were added. */
    public List<HostConfig> configured() {
        try {
            return settings.get().hosts().stream().map(HostEntry::config).toList();
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.NOT_ALLOWED, e.getMessage() + " Fix or remove that entry of " + "settings.json.");
        }
    }

    public Optional<HostConfig> find(String name) {
        return configured().stream().filter(host -> host.name().equals(name)).findFirst();
    }

    /**
     * Adds a Docker host.
     *
     * @param tlsDir for a {@code tcp://} endpoint: the folder with ca.pem, cert.pem and key.pem
     * @param gpuIds the GPUs runs may use on it; empty for CPU runs only
     */
    public HostConfig addDocker(String name, String endpoint, Optional<Path> tlsDir, Optional<List<Integer>> gpuIds,
                                int slots) {
        HostConfig.nameProblem(name).ifPresent(HostBook::refuse);
        if (name.equals(HostConfig.LOCAL) || find(name).isPresent()) {
            refuse("There is already a host named " + name + "; choose another name, or remove that one first.");
        }
        HostConfig.endpointProblem(endpoint).ifPresent(HostBook::refuse);
        if (slots < 1) {
            refuse("A host needs at least 1 run slot, not " + slots + ".");
        }
        gpuIds.ifPresent(ids -> {
            if (ids.stream().anyMatch(id -> id < 0) || ids.stream().distinct().count() != ids.size()) {
                refuse("GPU ids are distinct numbers from 0, as nvidia-smi lists them; " + ids + " are not.");
            }
        });
        if (endpoint.startsWith("tcp://") && tlsDir.isEmpty()) {
            refuse("A tcp:// Docker endpoint needs its TLS folder (ca.pem, cert.pem, key.pem): an open Docker port lets"
                    + " anyone on the network run code as root there.");
        }
        tlsDir.ifPresent(HostBook::requireTlsFiles);
        HostConfig host = new HostConfig(name, HostConfig.Kind.DOCKER, Optional.of(endpoint),
                tlsDir.map(dir -> dir.toAbsolutePath().normalize()), gpuIds, slots, false);
        save(hosts -> hosts.add(host));
        return host;
    }

    public void remove(String name) {
        requireConfigured(name);
        save(hosts -> hosts.removeIf(host -> host.name().equals(name)));
    }

    /** A draining host finishes its runs and takes no new ones; {@code false} opens it again. */
    public HostConfig drain(String name, boolean drain) {
        HostConfig drained = requireConfigured(name).draining(drain);
        save(hosts -> hosts.replaceAll(host -> host.name().equals(name) ? drained : host));
        return drained;
    }

    private HostConfig requireConfigured(String name) {
        if (name.equals(HostConfig.LOCAL)) {
            refuse("local is this machine's processes, always there; it cannot be removed or drained (choose the docker"
                    + " target to run elsewhere).");
        }
        return find(name).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_ALLOWED, "There is no host named " + name
                + (configured().isEmpty() ? "; no Docker host is set up." : "; the hosts are " + String.join(", ",
                configured().stream().map(HostConfig::name).toList()) + ".")));
    }

    private void save(java.util.function.Consumer<List<HostConfig>> change) {
        List<HostConfig> hosts = new ArrayList<>(configured());
        change.accept(hosts);
        settings.update(current -> current.withHosts(hosts.stream().map(HostEntry::of).toList()));
        settings.flush();
    }

    private static void requireTlsFiles(Path dir) {
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                refuse("The TLS folder " + dir + " has no " + file + "; it needs ca.pem, cert.pem and key.pem (the"
                        + " files `docker --tlsverify` uses).");
            }
        }
    }

    private static void refuse(String sentence) {
        throw new Refusal(Refusal.Kind.NOT_ALLOWED, sentence);
    }
}
