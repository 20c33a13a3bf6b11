package dev.groundwork.app.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Groundwork's performance targets on this machine (see docs/performance.md).")
public final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "Name a benchmark: store, patch, runner or search (groundwork bench --help)");
    }
}
