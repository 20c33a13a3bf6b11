package dev.groundwork.model.intake;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What never belongs in a baseline whatever .gitignore says: environments, caches and checkpoints by name, and files
 * over the size limit (data belongs in {@code run.data}, linked into each run instead of copied into every commit).
 */
final class LeaveOutRules {

    private static final Set<String> ENVIRONMENTS = Set.of("venv", ".venv", "env", ".env", ".tox", ".nox", ".conda",
            "node_modules", "site-packages");
    private static final Set<String> CACHES = Set.of("__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache",
            ".ipynb_checkpoints", ".cache", ".hypothesis");
    private static final Set<String> CHECKPOINT_FOLDERS = Set.of("checkpoints", "checkpoint", "ckpt", "ckpts", "wandb",
            "mlruns", "lightning_logs");
    private static final Set<String> CHECKPOINT_SUFFIXES = Set.of(".ckpt", ".pt", ".pth", ".safetensors");
    private static final Set<String> CACHE_SUFFIXES = Set.of(".pyc", ".pyo");

    private final long mostBytes;

    LeaveOutRules(long mostBytes) {
        this.mostBytes = mostBytes;
    }

    long mostBytes() {
        return mostBytes;
    }

    /** Why a folder is left out, judged by its name and whether it holds a virtual environment's pyvenv.cfg. */
    Optional<LeftOut.Reason> folder(String name, boolean holdsPyvenvCfg) {
        if (holdsPyvenvCfg || ENVIRONMENTS.contains(name)) {
            return Optional.of(LeftOut.Reason.ENVIRONMENT);
        }
        if (CACHES.contains(name)) {
            return Optional.of(LeftOut.Reason.CACHE);
        }
        if (CHECKPOINT_FOLDERS.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of(LeftOut.Reason.CHECKPOINT);
        }
        return Optional.empty();
    }

    Optional<LeftOut.Reason> file(String name, long bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String suffix = dot < 0 ? "" : lower.substring(dot);
        if (CACHE_SUFFIXES.contains(suffix)) {
            return Optional.of(LeftOut.Reason.CACHE);
        }
        if (CHECKPOINT_SUFFIXES.contains(suffix)) {
            return Optional.of(LeftOut.Reason.CHECKPOINT);
        }
        if (bytes > mostBytes) {
            return Optional.of(LeftOut.Reason.TOO_LARGE);
        }
        return Optional.empty();
    }
}
