package dev.groundwork.model.dispatch;

import dev.groundwork.model.execution.RunStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A local run reads {@code run.data} through links in its workspace: a dataset is never copied per run. */
public final class DataLinks {

    private DataLinks() {}

    /** Links each folder (name → absolute folder) as {@code data/<name>} in the workspace. */
    public static void link(Map<String, Path> folders, Path workspace) throws IOException, RunStartException {
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            if (!Files.isDirectory(folder.getValue())) {
                throw new RunStartException("run.data." + folder.getKey() + " is " + folder.getValue() + ", which is not"
                        + " a folder on this machine; prepare the data there or correct the path in groundwork.yaml");
            }
            Path link = workspace.resolve("data").resolve(folder.getKey());
            Files.createDirectories(link.getParent());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, folder.getValue());
        }
    }
}
