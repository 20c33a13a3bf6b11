package dev.groundwork.model.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileGpuLeasesTest {

    @TempDir
    Path dir;

    @Test
    void aGpuIsLeasedOnceWithinAProcessAndAllOrNothingForASlot() {
        FileGpuLeases leases = new FileGpuLeases(dir);
        Optional<GpuLeases.Lease> first = leases.tryAcquire("box", List.of(0, 1), "run 1");
        assertThat(first).isPresent();
        assertThat(leases.tryAcquire("box", List.of(1, 2), "run 2")).as("GPU 1 is taken").isEmpty();
        assertThat(leases.tryAcquire("other-box", List.of(1), "run 3")).as("another host's GPU 1").isPresent();
        Optional<GpuLeases.Lease> two = leases.tryAcquire("box", List.of(2, 3), "run 4");
        assertThat(two).as("GPU 2 was not kept by the refused request").isPresent();

        first.get().close();
        assertThat(leases.tryAcquire("box", List.of(1), "run 5")).isPresent();
    }

    @Test
    void anotherProcessCannotTakeAGpuThisOneHoldsAndGetsItWhenTheHolderDies() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeaseHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("held");
            FileGpuLeases here = new FileGpuLeases(dir);
            assertThat(here.tryAcquire("box", List.of(1), "this Groundwork")).as("held by the other process").isEmpty();
            assertThat(here.holder("box", 1)).contains("the other Groundwork");
            assertThat(here.tryAcquire("box", List.of(0), "this Groundwork")).as("GPU 0 is free").isPresent();

            other.destroyForcibly(); // a crash: the OS frees its locks
            assertThat(other.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(here.tryAcquire("box", List.of(1), "this Groundwork")).isPresent();
        } finally {
            other.destroyForcibly();
        }
    }
}
