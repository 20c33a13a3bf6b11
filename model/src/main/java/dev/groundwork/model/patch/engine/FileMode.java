package dev.groundwork.model.patch.engine;

import java.util.Optional;

/** The file modes a patch may give a file; symbolic links and submodules are refused by the parser. */
public enum FileMode {
    REGULAR("100644"), EXECUTABLE("100755");

    private final String octal;

    FileMode(String octal) {
        this.octal = octal;
    }

    /** As git writes it, e.g. {@code 100755}. */
    public String octal() {
        return octal;
    }

    static Optional<FileMode> ofOctal(String octal) {
        for (FileMode mode : values()) {
            if (mode.octal.equals(octal)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
