package dev.groundwork.app;

import dev.groundwork.app.cli.Cli;
import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.app.cli.ExportCommand;
import dev.groundwork.app.cli.GroundworkCommand;
import dev.groundwork.app.cli.GuiCommand;
import dev.groundwork.app.cli.ImageCommand;
import dev.groundwork.app.cli.NewCommand;
import dev.groundwork.app.cli.StatusCommand;
import dev.groundwork.app.gui.EarlyWindow;
import dev.groundwork.app.gui.GuiLauncher;
import dev.groundwork.app.gui.WindowDesks;
import dev.groundwork.app.gui.WindowHosts;
import dev.groundwork.app.gui.WindowLlmProviders;
import dev.groundwork.views.newstudy.NewStudyPorts;
import dev.groundwork.views.settings.SettingsPorts;
import dev.groundwork.runners.local.LocalProcessTarget;
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

    /** The long-lived services the product's commands are made from, handed to an {@link Extension}. */
    public record Services(StudyLibrary studies, LoopAssembly loops, WindowDesks desks, SettingsPorts settingsPorts,
                           DockerClients docker, HostBook hosts, CliPrinter printer) {}

    /** Commands by name (command objects or {@link CommandLine}s) to add beside the product's. */
    @FunctionalInterface
    public interface Extension {

        Extension NONE = services -> Map.of();

        Map<String, Object> commands(Services services);
    }

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

    /** The product's command line. */
    public Cli cli() {
        return cli(Extension.NONE);
    }

    /**
     * The product's command line with more commands beside its own, made from the same services: the source tree's bench
     * module adds {@code bench} and {@code dev} this way, so that the product knows nothing of them.
     */
    public Cli cli(Extension extension) {
        GpuProbe gpus = new GpuProbe("nvidia-smi");
        HostBook hosts = new HostBook(settings);
        HostTargets hostTargets = new HostTargets(gpus, System.getenv(), docker);
        LoopAssembly loops = new LoopAssembly(clock, llmAgents(), env, dirs.settingsFile(), hostTargets, leases,
                hosts::configured);
        WindowDesks desks = new WindowDesks(loops, clock);
        SettingsPorts settingsPorts = new SettingsPorts(
                new WindowLlmProviders(settings, dirs.settingsFile(), env, loops.llm()),
                new WindowHosts(gpus, hosts, hostTargets, desks::drain));
        // The New Study window's test run is a local process, like `groundwork probe`.
        NewStudyPorts newStudy = new NewStudyPorts(Optional.of(LocalProcessTarget.cpu("local", 1)),
                System.getenv().getOrDefault("PATH", ""));
        GuiCommand gui = new GuiCommand(new GuiLauncher(studies, settings, desks, settingsPorts, newStudy, env, early));
        Map<String, Object> commands = new LinkedHashMap<>();
        ProbeCommand probe = new ProbeCommand(studies, printer);
        commands.put("new", new NewCommand(studies, printer, System.getenv().getOrDefault("PATH", ""), probe::probe));
        commands.put("probe", probe);
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
        commands.putAll(extension.commands(new Services(studies, loops, desks, settingsPorts, docker, hosts, printer)));
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
