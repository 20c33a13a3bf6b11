package dev.groundwork.model.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MissingModuleTest {

    @Test
    void aTracebackEndingInModuleNotFoundNamesTheTopLevelModule() {
        List<String> log = List.of(
                "Traceback (most recent call last):",
                "  File \"/runs/1/train.py\", line 3, in <module>",
                "    import numpy.linalg as la",
                "ModuleNotFoundError: No module named 'numpy.linalg'");
        assertThat(MissingModule.in(log)).contains("numpy");
        assertThat(MissingModule.sentence(List.of("python3", "train.py"), "numpy")).isEqualTo("python3 has no module"
                + " numpy: install it where the run executes (e.g. `python3 -m pip install numpy`), or set run.command"
                + " to a Python that has it");
    }

    @Test
    void otherFailuresAreNotMistakenForAMissingPackage() {
        assertThat(MissingModule.in(List.of("Traceback (most recent call last):", "ZeroDivisionError: division by zero")))
                .isEmpty();
        assertThat(MissingModule.in(List.of())).isEmpty();
    }
}
