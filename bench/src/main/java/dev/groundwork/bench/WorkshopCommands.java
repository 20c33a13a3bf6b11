package dev.groundwork.bench;

import dev.groundwork.app.Composition;
import dev.groundwork.app.cli.CliPrinter;
import dev.groundwork.bench.cli.BenchCommand;
import dev.groundwork.bench.cli.ChartsBenchCommand;
import dev.groundwork.bench.cli.DockerBenchCommand;
import dev.groundwork.bench.cli.PatchBenchCommand;
import dev.groundwork.bench.cli.ReviewBenchCommand;
import dev.groundwork.bench.cli.RunnerBenchCommand;
import dev.groundwork.bench.cli.SearchBenchCommand;
import dev.groundwork.bench.cli.StoreBenchCommand;
import dev.groundwork.bench.cli.WindowBenchCommand;
import dev.groundwork.bench.dev.DevCommand;
import dev.groundwork.bench.dev.SynthCommand;
import dev.groundwork.model.study.StudyLibrary;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The workshop's commands, made from the product's services (its composition root), never from a second wiring. */
public final class WorkshopCommands implements Composition.Extension {

    @Override
    public Map<String, Object> commands(Composition.Services services) {
        StudyLibrary studies = services.studies();
        CliPrinter printer = services.printer();
        Map<String, Object> commands = new LinkedHashMap<>();
        commands.put("bench", new CommandLine(new BenchCommand())
                .addSubcommand("store", new StoreBenchCommand(studies, printer))
                .addSubcommand("patch", new PatchBenchCommand(printer))
                .addSubcommand("runner", new RunnerBenchCommand(printer))
                .addSubcommand("docker", new DockerBenchCommand(services.docker(), services.hosts()::configured, printer))
                .addSubcommand("search", new SearchBenchCommand(studies, services.loops(), printer))
                .addSubcommand("review", new ReviewBenchCommand(printer))
                .addSubcommand("charts", new ChartsBenchCommand(studies, printer))
                .addSubcommand("window", new WindowBenchCommand(studies, services.desks(), services.settingsPorts(),
                        printer)));
        commands.put("dev", new CommandLine(new DevCommand())
                .addSubcommand("synth", new SynthCommand(studies, printer)));
        return commands;
    }
}
