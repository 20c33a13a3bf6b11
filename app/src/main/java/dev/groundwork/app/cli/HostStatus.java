package dev.groundwork.app.cli;

import dev.groundwork.model.common.Refusal;
import dev.groundwork.model.dispatch.HostChoice;
import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.run.Run;
import dev.groundwork.model.settings.HostBook;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.runners.hosts.HostTargets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The hosts a study's runs go to, as {@code status} shows them: each one asked whether it answers (all at once, a few
 * seconds at most, so that a host that hangs never holds status up) and how many of the study's runs it holds.
 */
final class HostStatus {

    /** One host: {@code health} is healthy, unhealthy, draining or unknown (it did not answer in time). */
    record Line(String name, String kind, String health, String problem, long busy) {}

    private static final Duration PATIENCE = Duration.ofSeconds(4);

    private final HostBook book;
    private final HostTargets targets;

    HostStatus(HostBook book, HostTargets targets) {
        this.book = book;
        this.targets = targets;
    }

    List<Line> of(StudyFolder study) {
        List<HostConfig> hosts;
        try {
            hosts = HostChoice.of(study.spec().run().target(), book.configured(), List.of(),
                    HostConfig.local(study.spec().search().concurrency()));
        } catch (Refusal refusal) {
            return List.of(new Line("—", study.spec().run().target().name().toLowerCase(java.util.Locale.ROOT),
                    "unhealthy", refusal.getMessage(), 0));
        }
        Map<String, Long> busy = study.store().runs().active().stream().filter(run -> run.host() != null)
                .collect(Collectors.groupingBy(Run::host, Collectors.counting()));
        List<CompletableFuture<HostHealth>> checks = new ArrayList<>();
        for (HostConfig host : hosts) {
            checks.add(CompletableFuture.supplyAsync(() -> check(host, study.spec().run().gpusPerRun()),
                    runnable -> Thread.ofVirtual().start(runnable)));
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            HostConfig host = hosts.get(i);
            String kind = host.kind() == HostConfig.Kind.LOCAL ? "local" : "docker " + host.endpoint().orElse("");
            long held = busy.getOrDefault(host.name(), 0L);
            try {
                HostHealth health = checks.get(i).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
                String state = !health.healthy() ? "unhealthy" : host.draining() ? "draining" : "healthy";
                lines.add(new Line(host.name(), kind, state, health.problem().orElse(null), held));
            } catch (TimeoutException e) {
                lines.add(new Line(host.name(), kind, "unknown", "it did not answer within " + PATIENCE.toSeconds()
                        + " s", held));
            } catch (Exception e) {
                lines.add(new Line(host.name(), kind, "unhealthy", e.getMessage(), held));
            }
        }
        return lines;
    }

    private HostHealth check(HostConfig host, int gpusPerRun) {
        if (host.kind() == HostConfig.Kind.LOCAL) {
            return HostHealth.healthy(List.of()); // this process runs on it; nothing to ask (and status stays quick)
        }
        try {
            return targets.target(host, gpusPerRun).check();
        } catch (RuntimeException e) {
            return HostHealth.unhealthy(e.getMessage());
        }
    }
}
