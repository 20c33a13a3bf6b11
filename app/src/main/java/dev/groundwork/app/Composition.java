package dev.groundwork.app;

import dev.groundwork.app.bench.BenchCommand;
import dev.groundwork.app.bench.ChartsBenchCommand;
import dev.groundwork.app.bench.DockerBenchCommand;
import dev.groundwork.app.bench.PatchBenchCommand;
import dev.groundwork.app.bench.ReviewBenchCommand;
import dev.groundwork.app.bench.RunnerBenchCommand;
import dev.groundwork.app.bench.SearchBenchCommand;
import dev.groundwork.app.bench.StoreBenchCommand;
import dev.groundwork.app.bench.WindowBenchCommand;
import dev.groundwork.app.cli.Cli;
import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExportCommand;
import dev.groundwork.app.cli.GroundworkCommand;
import dev.groundwork.app.cli.GuiCommand;
import dev.groundwork.app.cli.ImageCommand;
import dev.groundwork.app.cli.NewCommand;
import dev.groundwork.app.cli.StatusCommand;
import dev.groundwork.app.dev.DevCommand;
import dev.groundwork.app.dev.SynthCommand;
import dev.groundwork.app.gui.EarlyWindow;
import dev.groundwork.app.gui.GuiLauncher;
import dev.groundwork.app.gui.WindowDesks;
import dev.groundwork.app.gui.WindowHosts;
import dev.groundwork.app.gui.WindowLlmProviders;
import dev.groundwork.views.settings.SettingsPorts;
import dev.groundwork.app.gui.SnapshotCommand;
import dev.groundwork.app.loop.LlmCommands;
import dev.groundwork.app.loop.LoopAssembly;
import dev.groundwork.app.loop.ReviewCommands;
import dev.groundwork.app.loop.ProbeCommand;
import dev.groundwork.app.loop.PromoteCommand;
import dev.groundwork.app.loop.RunCommand;
import dev.groundwork.app.loop.SeedCommand;
import dev.groundwork.runners.llm.LlmAgents;
import dev.groundwork.runners.local.GpuProbe;
import dev.groundwork.model.settings.AppDirs;
import dev.groundwork.model.settings.SettingsStore;
import dev.groundwork.model.study.StudyLibrary;
import dev.groundwork.model.study.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import dev.groundwork.model.dispatch.FileGpuLeases;
import dev.groundwork.model.dispatch.GpuLeases;
import dev.groundwork.app.cli.HostsCommand;
import dev.groundwork.model.settings.HostBook;
import dev.groundwork.runners.docker.DockerClients;
import dev.groundwork.runners.docker.ImageLoader;
import dev.groundwork.runners.hosts.HostTargets;
import picocli.CommandLine;

/** The composition root: every long-lived object is made here and handed to those that need it. */
public final class Composition implements AutoCloseable {

    private final AppDirs dirs;
    private final CliPrinter printer;
    private final SettingsStore settings;
    private final StudyLibrary studies;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, String> env;
    private final GpuLeases leases;
    private final DockerClients docker = new DockerClients();
    private final EarlyWindow early;

    public Composition(AppDirs dirs, CliPrinter printer) {
        this(dirs, printer, System.getenv());
    }

    /** @param env where API keys and LLM base URLs are looked up; tests pass their own */
    public Composition(AppDirs dirs, CliPrinter printer, Map<String, String> env) {
        this(dirs, printer, env, EarlyWindow.none());
    }

    /** @param early the window's skeleton, when Main showed it before building this */
    public Composition(AppDirs dirs, CliPrinter printer, Map<String, String> env, EarlyWindow early) {
        this.early = early;
        this.env = env;
        this.dirs = dirs;
        this.printer = printer;
        this.settings = new SettingsStore(dirs.settingsFile());
        this.studies = new StudyLibrary(new TemplateCatalog(Composition.class.getClassLoader()), settings, dirs, clock);
        this.leases = new FileGpuLeases(dirs.state().resolve("leases"));
    }

    public Cli cli() {
        GpuProbe gpus = new GpuProbe("nvidia-smi");
        HostBook hosts = new HostBook(settings);
        HostTargets hostTargets = new HostTargets(gpus, System.getenv(), docker);
        LoopAssembly loops = new LoopAssembly(clock, llmAgents(), env, dirs.settingsFile(), hostTargets, leases,
                hosts::configured);
        WindowDesks desks = new WindowDesks(loops, clock);
        SettingsPorts settingsPorts = new SettingsPorts(
                new WindowLlmProviders(settings, dirs.settingsFile(), env, loops.llm()),
                new WindowHosts(gpus, hosts, hostTargets, desks::drain));
        GuiCommand gui = new GuiCommand(new GuiLauncher(studies, settings, desks, settingsPorts, env, early));
        Map<String, Object> commands = new LinkedHashMap<>();
        commands.put("new", new NewCommand(studies, printer, System.getenv().getOrDefault("PATH", "")));
        commands.put("probe", new ProbeCommand(studies, printer));
        commands.put("status", new StatusCommand(studies, hosts, hostTargets, printer));
        commands.put("export", new ExportCommand(studies, printer));
        commands.put("run", new RunCommand(studies, loops, printer));
        commands.put("seed", new SeedCommand(studies, loops, printer, System.in));
        commands.put("approve", new ReviewCommands.Approve(studies, loops, printer, clock));
        commands.put("reject", new ReviewCommands.Reject(studies, loops, printer, clock));
        commands.put("promote", new PromoteCommand(studies, printer));
        commands.put("llm", new CommandLine(new LlmCommands())
                .addSubcommand("test", new LlmCommands.Test(loops, printer))
                .addSubcommand("log", new LlmCommands.Log(studies, printer)));
        commands.put("hosts", new CommandLine(new HostsCommand())
                .addSubcommand("list", new HostsCommand.List_(hosts, hostTargets, printer))
                .addSubcommand("add", new HostsCommand.Add(hosts, printer))
                .addSubcommand("test", new HostsCommand.Test(hosts, hostTargets, printer))
                .addSubcommand("drain", new HostsCommand.Drain(hosts, printer))
                .addSubcommand("remove", new HostsCommand.Remove(hosts, printer)));
        commands.put("image", new CommandLine(new ImageCommand()).addSubcommand("build",
                new ImageCommand.Build(dirs.cache(), new ImageLoader(docker), hosts::configured, printer)));
        commands.put("gui", gui);
        commands.put("snapshot", new SnapshotCommand(studies, desks, settingsPorts, printer));
        commands.put("bench", new CommandLine(new BenchCommand())
                .addSubcommand("store", new StoreBenchCommand(studies, printer))
                .addSubcommand("patch", new PatchBenchCommand(printer))
                .addSubcommand("runner", new RunnerBenchCommand(printer))
                .addSubcommand("docker", new DockerBenchCommand(docker, hosts::configured, printer))
                .addSubcommand("search", new SearchBenchCommand(studies, loops, printer))
                .addSubcommand("review", new ReviewBenchCommand(printer))
                .addSubcommand("charts", new ChartsBenchCommand(studies, printer))
                .addSubcommand("window", new WindowBenchCommand(studies, desks, settingsPorts, printer)));
        commands.put("dev", new CommandLine(new DevCommand())
                .addSubcommand("synth", new SynthCommand(studies, printer)));
        return new Cli(new GroundworkCommand(gui), commands, printer, dirs.logDir().resolve("groundwork.log"));
    }

    /** LLM agents with the user's own prompt templates and prices, when the config dir holds them. */
    private LlmAgents llmAgents() {
        Path prompts = dirs.config().resolve("prompts");
        Path pricing = dirs.config().resolve("pricing.yaml");
        return LlmAgents.create(Files.isDirectory(prompts) ? Optional.of(prompts) : Optional.empty(),
                Files.isRegularFile(pricing) ? Optional.of(pricing) : Optional.empty());
    }

    @Override
    public void close() {
        settings.close();
        docker.close();
    }
}
