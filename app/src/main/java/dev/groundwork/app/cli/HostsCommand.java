package dev.groundwork.app.cli;

import dev.groundwork.model.execution.HostConfig;
import dev.groundwork.model.execution.HostHealth;
import dev.groundwork.model.settings.HostBook;
import dev.groundwork.runners.hosts.HostTargets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `groundwork hosts …`: where runs go — this machine's processes and the Docker hosts of the settings. */
@Command(name = "hosts", mixinStandardHelpOptions = true,
        description = "The hosts runs go to: list, add a Docker host, test one, drain one, remove one.")
public final class HostsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UserError(ExitCodes.USAGE, "Name what to do: groundwork hosts list, add, test, drain or remove.");
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every host with its GPUs and slots.")
    public static final class List_ implements Callable<Integer> {

        private final HostBook book;
        private final HostTargets targets;
        private final CliPrinter printer;

        public List_(HostBook book, HostTargets targets, CliPrinter printer) {
            this.book = book;
            this.targets = targets;
            this.printer = printer;
        }

        @Override
        public Integer call() {
            List<String> lines = new ArrayList<>();
            HostConfig local = HostConfig.local(1);
            lines.add(row(local.name(), "this machine's processes", gpus(targets.gpuIds(local), "nvidia-smi"), ""));
            for (HostConfig host : book.configured()) {
                lines.add(row(host.name(), "docker " + host.endpoint().orElse(""),
                        gpus(host.gpuIds().orElse(List.of()), "declared"),
                        host.cpuSlots() + " CPU slot" + (host.cpuSlots() == 1 ? "" : "s")
                                + (host.draining() ? " · draining" : "")));
            }
            lines.forEach(printer::result);
            if (book.configured().isEmpty()) {
                printer.note("No Docker host yet; add one with `groundwork hosts add NAME unix:///var/run/docker.sock`"
                        + " (or tcp://HOST:2376 --tls DIR).");
            }
            return ExitCodes.OK;
        }

        private static String row(String name, String kind, String gpus, String slots) {
            return String.format(Locale.ROOT, "%-16s %-40s %-22s %s", name, kind, gpus, slots).stripTrailing();
        }

        private static String gpus(List<Integer> ids, String how) {
            return ids.isEmpty() ? "no GPU" : "GPUs " + ids.stream().map(String::valueOf).collect(Collectors.joining(","))
                    + " (" + how + ")";
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a Docker daemon runs may go to.")
    public static final class Add implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "NAME", description = "A short name, e.g. workstation or gpu-box.")
        String name;

        @Parameters(index = "1", paramLabel = "ENDPOINT", description = "unix:///var/run/docker.sock or tcp://HOST:2376.")
        String endpoint;

        @Option(names = "--tls", paramLabel = "DIR", description = "For tcp://: the folder with ca.pem, cert.pem, key.pem.")
        Path tls;

        @Option(names = "--gpus", paramLabel = "IDS", split = ",", description = "GPU ids runs may use, e.g. 0,1.")
        List<Integer> gpus;

        @Option(names = "--slots", paramLabel = "N", defaultValue = "2",
                description = "CPU runs at once when runs use no GPU (default ${DEFAULT-VALUE}).")
        int slots;

        private final HostBook book;
        private final CliPrinter printer;

        public Add(HostBook book, CliPrinter printer) {
            this.book = book;
            this.printer = printer;
        }

        @Override
        public Integer call() {
            HostConfig host = book.addDocker(name, endpoint, Optional.ofNullable(tls), Optional.ofNullable(gpus), slots);
            printer.result("Added Docker host " + host.name() + " (" + endpoint + ").");
            printer.note("Check it with `groundwork hosts test " + host.name() + "`; run on it with `groundwork run DIR"
                    + " --target docker` (or --host " + host.name() + ").");
            return ExitCodes.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Ask a host whether it answers and can take runs: API version, GPUs, runtimes, images.")
    public static final class Test implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The host, or local.")
        String name;

        private final HostBook book;
        private final HostTargets targets;
        private final CliPrinter printer;

        public Test(HostBook book, HostTargets targets, CliPrinter printer) {
            this.book = book;
            this.targets = targets;
            this.printer = printer;
        }

        @Override
        public Integer call() {
            HostConfig host = name.equals(HostConfig.LOCAL) ? HostConfig.local(1) : book.find(name).orElseThrow(() ->
                    new UserError(ExitCodes.USAGE, "There is no host named " + name + "; `groundwork hosts list`"
                            + " shows them."));
            HostHealth health = targets.target(host, host.gpuIds().isPresent() ? 1 : 0).check();
            health.facts().forEach(printer::result);
            if (!health.healthy()) {
                throw new UserError(ExitCodes.FAILURE, name + " cannot take runs: " + health.problem().orElseThrow());
            }
            printer.result(name + " answers and can take runs.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "drain", mixinStandardHelpOptions = true,
            description = "Let a host finish its runs and take no new ones (--undo opens it again).")
    public static final class Drain implements Callable<Integer> {

        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--undo", description = "Take new runs again.")
        boolean undo;

        private final HostBook book;
        private final CliPrinter printer;

        public Drain(HostBook book, CliPrinter printer) {
            this.book = book;
            this.printer = printer;
        }

        @Override
        public Integer call() {
            book.drain(name, !undo);
            printer.result(undo ? name + " takes new runs again." : name + " is draining: its runs finish, no new one"
                    + " starts there (Groundworks already running read this when they next open the study).");
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Forget a Docker host.")
    public static final class Remove implements Callable<Integer> {

        @Parameters(paramLabel = "NAME")
        String name;

        private final HostBook book;
        private final CliPrinter printer;

        public Remove(HostBook book, CliPrinter printer) {
            this.book = book;
            this.printer = printer;
        }

        @Override
        public Integer call() {
            book.remove(name);
            printer.result("Removed host " + name + "; its containers and images are left as they are.");
            return ExitCodes.OK;
        }
    }
}
