package dev.groundwork.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.groundwork.model.settings.HostBook;
import dev.groundwork.model.study.StudyFolder;
import dev.groundwork.runners.hosts.HostTargets;
import dev.groundwork.model.promotion.Promotion;
import dev.groundwork.model.status.StudyStatus;
import dev.groundwork.model.study.Studies;
import dev.groundwork.model.study.Study;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a study at a glance: ideas, patches and runs by status, rewards, spend.")
public final class StatusCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--json", description = "Print the stable JSON contract (docs/cli.md) instead of text.")
    boolean json;

    private final Studies studies;
    private final HostStatus hosts;
    private final CliPrinter printer;

    public StatusCommand(Studies studies, HostBook book, HostTargets targets, CliPrinter printer) {
        this.studies = studies;
        this.hosts = new HostStatus(book, targets);
        this.printer = printer;
    }

    @Override
    public Integer call() throws Exception {
        StudyStatus status;
        List<HostStatus.Line> hostLines;
        List<Promotion> promotions;
        try (Study study = studies.open(dir)) {
            status = study.status();
            hostLines = study instanceof StudyFolder folder ? hosts.of(folder) : List.of();
            promotions = study instanceof StudyFolder folder ? folder.store().promotions().all() : List.of();
        }
        printer.result(json ? toJson(status, hostLines, promotions) : toText(status, hostLines, promotions));
        return ExitCodes.OK;
    }

    /**
     * {"study", "epoch", "ideas", "patches", "runs", "baseline_reward", "best", "llm_usd", "gpu_hours", "hosts",
     * "promotions"}: a stable contract (keys are only ever added).
     */
    static String toJson(StudyStatus status, List<HostStatus.Line> hostLines, List<Promotion> promotions) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("study", status.study());
        root.put("epoch", status.epoch());
        status.ideas().forEach(root.putObject("ideas")::put);
        status.patches().forEach(root.putObject("patches")::put);
        status.runs().forEach(root.putObject("runs")::put);
        root.put("baseline_reward", status.baselineReward());
        if (status.best() == null) {
            root.putNull("best");
        } else {
            ObjectNode best = root.putObject("best");
            best.put("idea", status.best().idea());
            best.put("title", status.best().title());
            best.put("reward", status.best().reward());
            best.put("run", status.best().run());
        }
        root.put("llm_usd", status.llmUsd());
        root.put("gpu_hours", status.gpuHours());
        ArrayNode hostNodes = root.putArray("hosts");
        for (HostStatus.Line host : hostLines) {
            ObjectNode node = hostNodes.addObject();
            node.put("name", host.name());
            node.put("kind", host.kind());
            node.put("health", host.health());
            node.put("problem", host.problem());
            node.put("busy", host.busy());
        }
        ArrayNode promotionNodes = root.putArray("promotions");
        for (Promotion promotion : promotions) {
            ObjectNode node = promotionNodes.addObject();
            node.put("idea", promotion.ideaId());
            node.put("patch", promotion.patchId());
            node.put("epoch", promotion.epoch());
            node.put("commit", promotion.toCommit());
            node.put("reward", promotion.ideaReward());
            node.put("previous_reward", promotion.previousReward());
        }
        return root.toPrettyString();
    }

    static String toText(StudyStatus status, List<HostStatus.Line> hostLines, List<Promotion> promotions) {
        StringBuilder text = new StringBuilder();
        text.append(status.study()).append(" — epoch ").append(status.epoch()).append('\n');
        text.append(line("ideas", status.ideas()));
        text.append(line("patches", status.patches()));
        text.append(line("runs", status.runs()));
        text.append(String.format(Locale.ROOT, "%-9s%s%n", "baseline",
                status.baselineReward() == null ? "no reward yet" : "reward " + number(status.baselineReward())));
        for (Promotion promotion : promotions) {
            text.append(String.format(Locale.ROOT, "%-9sidea %d in epoch %d (its reward %s%s)%n", "promoted",
                    promotion.ideaId(), promotion.epoch(), number(promotion.ideaReward()), promotion.previousReward() == null
                            ? "" : "; the baseline's before: " + number(promotion.previousReward())));
        }
        text.append(String.format(Locale.ROOT, "%-9s%s%n", "best", status.best() == null ? "no scored idea yet"
                : "reward " + number(status.best().reward()) + " — idea " + status.best().idea() + " \""
                        + status.best().title() + "\" (run " + status.best().run() + ")"));
        text.append(String.format(Locale.ROOT, "%-9s%s LLM, %.2f GPU-hours", "spend", Money.usd(status.llmUsd()), status.gpuHours()));
        for (HostStatus.Line host : hostLines) {
            text.append(String.format(Locale.ROOT, "%n%-9s%s (%s): %s, %d run%s here%s", "host", host.name(), host.kind(),
                    host.health(), host.busy(), host.busy() == 1 ? "" : "s",
                    host.problem() == null ? "" : " — " + host.problem()));
        }
        return text.toString();
    }

    private static String line(String label, Map<String, Integer> counts) {
        String breakdown = counts.entrySet().stream()
                .filter(entry -> !entry.getKey().equals("total") && entry.getValue() > 0)
                .map(entry -> entry.getValue() + " " + entry.getKey())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%-9s%d%s%n", label, counts.get("total"), breakdown.isEmpty() ? "" : " (" + breakdown + ")");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
