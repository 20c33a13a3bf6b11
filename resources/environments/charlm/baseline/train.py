"""Trains the charlm baseline for a fixed number of steps; prints one JSON metric line (bits per character) per eval."""
import json
import time

import numpy as np

import evaluate
from model import SGD, CharMLP

# Model shape
CONTEXT = 4            # characters of history the model sees
EMBED_DIM = 16         # size of one character's embedding
HIDDEN = 256           # width of the hidden layer

# Optimisation: the budget is a fixed number of steps, not wall-clock time, so a rerun gives the same numbers
STEPS = 24000
BATCH_SIZE = 64
LEARNING_RATE = 0.1

# Logging and reproducibility
EVAL_EVERY = 2000      # steps between validation passes
SEED = 0


def learning_rate(step):
    """The learning rate for `step` (1-based): constant in the baseline."""
    return LEARNING_RATE


def sample_batch(ids, rng):
    """BATCH_SIZE random windows of CONTEXT characters from `ids`, and the character that follows each."""
    starts = rng.integers(0, len(ids) - CONTEXT, size=BATCH_SIZE)
    x = ids[starts[:, None] + np.arange(CONTEXT)]
    y = ids[starts + CONTEXT]
    return x, y


def report(step, train_loss, model):
    """Prints one JSON line: the mean training loss since the last report and the validation loss from evaluate.py."""
    val_loss = evaluate.validation_bpc(model.predict, CONTEXT)
    print(json.dumps({"step": step, "train_loss": round(train_loss, 5), "val_loss": round(val_loss, 5)}), flush=True)


def main():
    rng = np.random.default_rng(SEED)
    ids = evaluate.train_ids()
    model = CharMLP(evaluate.VOCAB_SIZE, CONTEXT, EMBED_DIM, HIDDEN, rng)
    optimizer = SGD()
    started = time.perf_counter()
    losses = []
    for step in range(1, STEPS + 1):
        x, y = sample_batch(ids, rng)
        loss, grads = model.loss_and_grads(x, y)
        optimizer.step(model.params, grads, learning_rate(step))
        losses.append(loss)
        if step % EVAL_EVERY == 0 or step == STEPS:
            report(step, float(np.mean(losses)), model)
            losses = []
    print(f"trained {STEPS} steps in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
