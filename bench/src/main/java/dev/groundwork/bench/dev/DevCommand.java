package dev.groundwork.bench.dev;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Tools for developing and measuring Groundwork itself: synthetic studies.")
public final class DevCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name a tool: synth");
    }
}
