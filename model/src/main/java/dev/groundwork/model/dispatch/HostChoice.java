package dev.groundwork.model.dispatch;

import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.spec.RunSpec;
import java.util.List;
import java.util.Optional;

/**
 * Which of the researcher's hosts a study runs on: with {@code run.target: local}, this machine's processes; with
 * {@code docker}, the Docker hosts named (a run's {@code --host}), or every Docker host when none is named.
 */
public final class HostChoice {

    private HostChoice() {}

    /**
     * @param target     the spec's target, or the one a command line chose instead
     * @param configured every host in the settings (without this machine's process host, which is implied)
     * @param named      the hosts asked for by name; empty for "all of the target's kind"
     * @param local      this machine's process host as the study should see it
     */
    public static List<HostConfig> of(RunSpec.Target target, List<HostConfig> configured, List<String> named,
                                      HostConfig local) {
        if (target == RunSpec.Target.LOCAL) {
            if (!named.isEmpty() && !named.equals(List.of(HostConfig.LOCAL))) {
                throw new Refusal(Refusal.Kind.NOT_ALLOWED, "Runs go to this machine's processes when the target is"
                        + " local; choose the docker target to run on " + String.join(", ", named) + ".");
            }
            return List.of(local);
        }
        List<HostConfig> docker = configured.stream().filter(host -> host.kind() == HostConfig.Kind.DOCKER).toList();
        if (docker.isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_ALLOWED, "The target is docker but no Docker host is set up; add the"
                    + " Docker daemon of this machine or of a server as a host first.");
        }
        if (named.isEmpty()) {
            return docker;
        }
        return named.stream().map(name -> find(docker, name).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_ALLOWED,
                "There is no Docker host named " + name + "; the Docker hosts are "
                        + String.join(", ", docker.stream().map(HostConfig::name).toList()) + "."))).toList();
    }

    private static Optional<HostConfig> find(List<HostConfig> hosts, String name) {
        return hosts.stream().filter(host -> host.name().equals(name)).findFirst();
    }
}
