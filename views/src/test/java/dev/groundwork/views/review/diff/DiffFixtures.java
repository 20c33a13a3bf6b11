package dev.groundwork.views.review.diff;

/** A real-looking LLM patch to a training script: a renamed constant, a new warm-up block, a removed print, a new flag. */
final class DiffFixtures {

    static final String PATH = "src/train.py";

    static final String BEFORE = """
            import math
            import numpy as np

            LR = 3e-4  # learning rate
            STEPS = 300


            @dataclass
            class Config:
                \"\"\"Hyper-parameters of one run.\"\"\"
                lr: float = LR
                steps: int = STEPS
                seed: int = 0


            def schedule(step, cfg):
                return cfg.lr


            def train(cfg):
                rng = np.random.default_rng(cfg.seed)
                for step in range(cfg.steps):
                    lr = schedule(step, cfg)
                    loss = 1.0 / (step + 1)
                    print("step", step, "loss", loss)
                return loss


            if __name__ == "__main__":
                train(Config())
            """;

    static final String AFTER = """
            import math
            import numpy as np

            LEARNING_RATE = 6e-4  # learning rate, doubled
            STEPS = 300


            @dataclass
            class Config:
                \"\"\"Hyper-parameters of one run.\"\"\"
                lr: float = LEARNING_RATE
                steps: int = STEPS
                seed: int = 0
                warmup: int = 30


            def schedule(step, cfg):
                if step < cfg.warmup:
                    return cfg.lr * (step + 1) / cfg.warmup
                progress = (step - cfg.warmup) / max(1, cfg.steps - cfg.warmup)
                return cfg.lr * 0.5 * (1 + math.cos(math.pi * progress))


            def train(cfg):
                rng = np.random.default_rng(cfg.seed)
                for step in range(cfg.steps):
                    lr = schedule(step, cfg)
                    loss = 1.0 / (step + 1)
                return loss


            if __name__ == "__main__":
                train(Config(warmup=10))
            """;

    private DiffFixtures() {}
}
