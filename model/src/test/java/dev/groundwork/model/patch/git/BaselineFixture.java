package dev.groundwork.model.patch.git;

import dev.groundwork.model.study.BaselineRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A baseline repository like a study's: code, an executable script, a binary file and a symbolic link on main. */
final class BaselineFixture {

    static final String TRAIN = "import numpy as np\nlr = 0.1\nsteps = 100\n";

    private BaselineFixture() {}

    static Path create(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("train.py"), TRAIN);
        Files.writeString(dir.resolve("old.py"), "print('bye')\n");
        Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\npython3 train.py\n");
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.write(dir.resolve("data/weights.bin"), new byte[] {0, 1, 2, (byte) 0xff});
        Files.createSymbolicLink(dir.resolve("latest.py"), Path.of("train.py"));
        BaselineRepository.initialize(dir, "Baseline");
        return dir;
    }
}
