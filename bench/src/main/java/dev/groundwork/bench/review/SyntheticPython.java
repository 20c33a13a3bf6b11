package dev.groundwork.bench.review;

import java.util.ArrayList;
import java.util.List;

/** Python source of a given length and an LLM-style revision of it, for the benchmark. */
final class SyntheticPython {

    private static final int BLOCK_LINES = 14;

    private SyntheticPython() {}

    /** {@code lines} lines of classes with decorators, docstrings, comments, strings and numbers. */
    static String source(int lines) {
        return String.join("\n", lines(lines)) + "\n";
    }

    /**
     * {@code source(lines)} changed in every {@code every}-th class: a changed constant, an added line and a removed
     * line, i.e. two hunks per changed class.
     */
    static String revised(int lines, int every) {
        List<String> revised = new ArrayList<>();
        List<String> original = lines(lines);
        for (int i = 0; i < original.size(); i++) {
            String line = original.get(i);
            boolean changedBlock = (i / BLOCK_LINES) % every == 0;
            if (changedBlock && line.contains("self.scale = 1.0")) {
                revised.add(line.replace("1.0 / math.sqrt(dim)", "0.5 / math.sqrt(dim + 1)"));
                revised.add(line.replace("self.scale = 1.0 / math.sqrt(dim)  # scaled", "self.dropout = nn.Dropout(0.1)"));
            } else if (!(changedBlock && line.contains("return 0"))) {
                revised.add(line);
            }
        }
        return String.join("\n", revised) + "\n";
    }

    private static List<String> lines(int count) {
        List<String> lines = new ArrayList<>(count + BLOCK_LINES);
        for (int i = 0; lines.size() < count; i++) {
            lines.addAll(List.of(
                    "@register(\"block-" + i + "\")",
                    "class Block" + i + "(nn.Module):",
                    "    \"\"\"Residual block number " + i + ".\"\"\"",
                    "",
                    "    def __init__(self, dim=" + (64 + i) + "):",
                    "        super().__init__()",
                    "        self.scale = 1.0 / math.sqrt(dim)  # scaled",
                    "        self.name = f\"block-{dim}\"",
                    "",
                    "    def forward(self, x):",
                    "        if x is None:",
                    "            return 0",
                    "        return self.scale * x + " + i + ".5e-3",
                    ""));
        }
        return lines.subList(0, count);
    }
}
