package dev.groundwork.runners.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.groundwork.model.execution.RunExit;
import dev.groundwork.model.execution.RunHandle;
import dev.groundwork.model.execution.RunLaunch;
import dev.groundwork.model.execution.RunStartException;
import dev.groundwork.model.execution.Slot;
import dev.groundwork.model.execution.Slots;
import dev.groundwork.model.metrics.MetricParser;
import dev.groundwork.model.run.FailureClass;
import dev.groundwork.model.spec.MetricsSpec;
import dev.groundwork.runners.common.RecordingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessTargetTest {

    private static final Duration GRACE = Duration.ofMillis(300);
    private static final Duration LONG = Duration.ofMinutes(1);

    /** Starts a child, and a grandchild that detaches by a double fork; prints both ids, then sleeps. */
    private static final String TREE = """
            import os, subprocess, sys, time
            if "ignore-term" in sys.argv:
                import signal
                signal.signal(signal.SIGTERM, signal.SIG_IGN)  # inherited: only KILL stops the tree
            child = subprocess.Popen(["sleep", "60"])
            r, w = os.pipe()
            if os.fork() == 0:
                if os.fork() == 0:
                    os.write(w, str(os.getpid()).encode())
                    time.sleep(60)
                os._exit(0)
            os.close(w)
            print("pids", child.pid, int(os.read(r, 32)), flush=True)
            time.sleep(60)
            """;

    @TempDir
    Path study;
    private Runs runs;
    private LocalProcessTarget target;
    private Slot cpu0;

    @BeforeEach
    void setUp() {
        runs = new Runs(study);
        target = new LocalProcessTarget("local", Slots.cpu("local", 2), System.getenv(), GRACE);
        cpu0 = target.slots().getFirst();
    }

    @Test
    void streamsLinesInOrderToTheListenerAndTheLogFile() throws Exception {
        RunLaunch launch = runs.python("""
                import json, sys
                for step in range(500):
                    print(json.dumps({"step": step, "loss": 1 / (step + 1)}))
                    if step == 250:
                        print("warning: halfway", file=sys.stderr)
                """, cpu0, LONG, Map.of());
        RecordingListener listener = new RecordingListener();

        target.start(launch, listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.succeeded()).isTrue();
        assertThat(exit.exitCode()).isZero();
        assertThat(exit.seconds()).isPositive();
        MetricParser parser = MetricParser.of(new MetricsSpec(MetricsSpec.Parser.JSONL, Optional.empty()));
        List<Long> steps = listener.texts(false).stream()
                .flatMap(line -> parser.parse(line).stream()).map(MetricParser.Value::step).toList();
        assertThat(steps).hasSize(500).isSorted();
        assertThat(listener.texts(true)).containsExactly("warning: halfway");
        assertThat(Files.readAllLines(launch.logFile()))
                .containsExactlyElementsOf(listener.lines().stream().map(RecordingListener.Line::text).toList());
    }

    @Test
    void aNonZeroExitIsACodeFailureWithTheTracebackInTheTail() throws Exception {
        RunLaunch launch = runs.python("""
                import sys, traceback
                def train():
                    raise ValueError("loss exploded")
                try:
                    train()
                except ValueError:
                    traceback.print_exc()
                    sys.exit(3)
                """, cpu0, LONG, Map.of());
        RecordingListener listener = new RecordingListener();

        target.start(launch, listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.failure()).isEqualTo(FailureClass.CODE);
        assertThat(exit.exitCode()).isEqualTo(3);
        assertThat(exit.tail()).first().isEqualTo("Traceback (most recent call last):");
        assertThat(exit.tail()).last().isEqualTo("ValueError: loss exploded");
    }

    @Test
    void aProcessKilledBySigkillThatGroundworkDidNotSendRanOutOfMemory() throws Exception {
        RecordingListener listener = new RecordingListener();

        target.start(runs.python("import os\nos.kill(os.getpid(), 9)\n", cpu0, LONG, Map.of()), listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.exitCode()).isEqualTo(137);
        assertThat(exit.failure()).isEqualTo(FailureClass.OOM);
    }

    @Test
    void aTimeoutKillsTheWholeTreeIncludingADetachedGrandchild() throws Exception {
        // long enough for python to start its tree and print the pids on a loaded 2-core machine
        RunLaunch launch = runs.launch(List.of("python3", "run.py", "ignore-term"), TREE, cpu0,
                Duration.ofSeconds(6), Map.of());
        RecordingListener listener = new RecordingListener();

        RunHandle handle = target.start(launch, listener);
        long[] pids = pids(listener.awaitLine(line -> line.startsWith("pids ")));
        RunExit exit = listener.awaitExit();

        assertThat(exit.failure()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(exit.exitCode()).isEqualTo(137); // it ignored TERM, so it took KILL
        assertThat(Long.parseLong(handle.id())).isNotIn(pids[0], pids[1]);
        assertThat(Arrays.stream(new long[] {Long.parseLong(handle.id()), pids[0], pids[1]}))
                .noneMatch(Runs::isAlive);
    }

    @Test
    void cancelStopsARunMidwayWithItsTree() throws Exception {
        RecordingListener listener = new RecordingListener();
        RunHandle handle = target.start(runs.python(TREE, cpu0, LONG, Map.of()), listener);
        long[] pids = pids(listener.awaitLine(line -> line.startsWith("pids ")));

        handle.cancel();
        RunExit exit = listener.awaitExit();

        assertThat(exit.failure()).isEqualTo(FailureClass.CANCELLED);
        assertThat(exit.seconds()).isLessThan(30);
        assertThat(Arrays.stream(pids)).noneMatch(Runs::isAlive);
    }

    @Test
    void whatARunLeavesBehindIsStoppedWhenItEnds() throws Exception {
        RecordingListener listener = new RecordingListener();

        target.start(runs.python("""
                import subprocess
                print("left", subprocess.Popen(["sleep", "60"]).pid, flush=True)
                """, cpu0, LONG, Map.of()), listener);
        RunExit exit = listener.awaitExit();

        assertThat(exit.succeeded()).isTrue();
        long sleeper = Long.parseLong(listener.awaitLine(line -> line.startsWith("left ")).substring(5));
        assertThat(Runs.isAlive(sleeper)).isFalse();
    }

    @Test
    void aMissingProgramIsASentenceAboutRunCommand() throws Exception {
        RunLaunch launch = runs.launch(List.of("no-such-trainer", "run.py"), "", cpu0, LONG, Map.of());

        assertThatThrownBy(() -> target.start(launch, new RecordingListener()))
                .isInstanceOf(RunStartException.class)
                .hasMessage("no-such-trainer was not found on PATH; install it or change run.command in"
                        + " groundwork.yaml.");
    }

    @Test
    void aScriptThatIsNotExecutableIsASentenceAboutHowToStartIt() throws Exception {
        RunLaunch launch = runs.launch(List.of("./run.py"), "", cpu0, LONG, Map.of());

        assertThatThrownBy(() -> target.start(launch, new RecordingListener()))
                .isInstanceOf(RunStartException.class)
                .hasMessage("./run.py is not executable; make it executable (chmod +x ./run.py) or start it through"
                        + " its interpreter in run.command, e.g. [\"bash\", \"./run.py\"].");
    }

    @Test
    void runsGetNoSecretsTheirSpecEnvironmentAndTheirSlotsGpus() throws Exception {
        Map<String, String> inherited = new HashMap<>(System.getenv());
        inherited.putAll(Map.of("OPENAI_API_KEY", "sk-1", "HF_TOKEN", "hf-1", "AWS_SECRET_ACCESS_KEY", "a",
                "DB_PASSWORD", "p", "TOKENIZERS_PARALLELISM", "false", "CUDA_VISIBLE_DEVICES", "0,1,2,3"));
        LocalProcessTarget gpus = new LocalProcessTarget("local", Slots.gpus("local", List.of(0, 1, 2, 3), 2),
                inherited, GRACE);
        String printEnv = "import json, os\nprint(json.dumps(dict(os.environ)))\n";

        Map<String, String> onGpu = environmentOf(gpus, runs.python(printEnv, gpus.slots().get(1), LONG,
                Map.of("OMP_NUM_THREADS", "1")));
        Map<String, String> onCpu = environmentOf(target, runs.python(printEnv, cpu0, LONG, Map.of()));

        assertThat(onGpu).doesNotContainKeys("OPENAI_API_KEY", "HF_TOKEN", "AWS_SECRET_ACCESS_KEY", "DB_PASSWORD")
                .containsEntry("TOKENIZERS_PARALLELISM", "false")
                .containsEntry("OMP_NUM_THREADS", "1")
                .containsEntry("PYTHONUNBUFFERED", "1")
                .containsEntry("CUDA_VISIBLE_DEVICES", "2,3");
        assertThat(onCpu).containsEntry("CUDA_VISIBLE_DEVICES", "");
    }

    @Test
    void twoRunsRunAtOnceOnTwoSlots() throws Exception {
        // each run waits until the other has started: both succeed only if they overlap
        String script = """
                import os, sys, time
                me, other = sys.argv[1], sys.argv[2]
                open(os.path.join(os.environ["MEET"], me), "w").close()
                deadline = time.time() + 15
                while not os.path.exists(os.path.join(os.environ["MEET"], other)):
                    if time.time() > deadline:
                        sys.exit("never met " + other)
                    time.sleep(0.01)
                print("met", other, "on", os.environ["CUDA_VISIBLE_DEVICES"] or "cpu")
                """;
        Map<String, String> env = Map.of("MEET", Files.createDirectories(study.resolve("meet")).toString());
        RecordingListener a = new RecordingListener();
        RecordingListener b = new RecordingListener();

        target.start(runs.launch(List.of("python3", "run.py", "a", "b"), script, cpu0, LONG, env), a);
        target.start(runs.launch(List.of("python3", "run.py", "b", "a"), script, target.slots().get(1), LONG, env), b);

        assertThat(a.awaitExit().succeeded()).isTrue();
        assertThat(b.awaitExit().succeeded()).isTrue();
        assertThat(a.texts(false)).containsExactly("met b on cpu");
        assertThat(b.texts(false)).containsExactly("met a on cpu");
    }

    @Test
    void reapStopsTheTreeOfARunThatAnEarlierGroundworkLost() throws Exception {
        RecordingListener listener = new RecordingListener();
        RunHandle lost = target.start(runs.python(TREE, cpu0, LONG, Map.of()), listener);
        long[] pids = pids(listener.awaitLine(line -> line.startsWith("pids ")));
        LocalProcessTarget restarted = new LocalProcessTarget("local", Slots.cpu("local", 2), System.getenv(),
                GRACE);

        assertThat(restarted.reap(lost.id())).isTrue();

        listener.awaitExit();
        assertThat(Arrays.stream(new long[] {Long.parseLong(lost.id()), pids[0], pids[1]})).noneMatch(Runs::isAlive);
        assertThat(restarted.reap(lost.id())).isFalse();
    }

    @Test
    void reapLeavesAloneWhatIsNotARun() throws Exception {
        RecordingListener listener = new RecordingListener();
        Path elsewhere = Files.createDirectories(study.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("run.py"), "print('ready', flush=True)\nimport time\ntime.sleep(60)\n");
        RunHandle notUnderRuns = target.start(new RunLaunch(99, elsewhere, List.of("python3", "run.py"), Map.of(), LONG,
                cpu0, study.resolve("elsewhere.log")), listener);
        listener.awaitLine("ready"::equals);

        assertThat(target.reap(notUnderRuns.id())).isFalse();
        assertThat(Runs.isAlive(Long.parseLong(notUnderRuns.id()))).isTrue();
        assertThat(target.reap(String.valueOf(ProcessHandle.current().pid()))).isFalse();
        assertThat(target.reap("container-3f2a")).isFalse();

        notUnderRuns.cancel();
        listener.awaitExit();
    }

    @Test
    void malformedUtf8IsReplacedNotFatal() throws Exception {
        RecordingListener listener = new RecordingListener();

        target.start(runs.python("import sys\nsys.stdout.buffer.write(b'bad \\xff bytes\\nok\\n')\n", cpu0, LONG,
                Map.of()), listener);

        assertThat(listener.awaitExit().succeeded()).isTrue();
        assertThat(listener.texts(false)).containsExactly("bad \uFFFD bytes", "ok");
    }

    private static Map<String, String> environmentOf(LocalProcessTarget target, RunLaunch launch) throws Exception {
        RecordingListener listener = new RecordingListener();
        target.start(launch, listener);
        assertThat(listener.awaitExit().succeeded()).isTrue();
        @SuppressWarnings("unchecked")
        Map<String, String> env = new ObjectMapper()
                .readValue(listener.texts(false).getFirst(), Map.class);
        return env;
    }

    private static long[] pids(String line) {
        return Arrays.stream(line.substring("pids ".length()).split(" ")).mapToLong(Long::parseLong).toArray();
    }
}
