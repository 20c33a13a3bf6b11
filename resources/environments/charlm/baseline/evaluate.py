"""The held-out evaluation of the charlm study. PROTECTED: the implementer never sees or edits this file.

It owns the corpus, its split and the metric, so a patch to train.py or model.py cannot move the goalposts:
  * VOCAB, VOCAB_SIZE, encode(), decode(): the character vocabulary (every character of data/corpus.txt);
  * train_ids(): the training text as ids, the only text training may use;
  * validation_bpc(predict, context): bits per character on the held-out stories, computed here from the
    probability distributions that `predict` returns, after checking they are real distributions.
"""
from pathlib import Path

import numpy as np

CORPUS = Path(__file__).resolve().parent / "data" / "corpus.txt"
HELD_OUT_EVERY = 10        # story k (counting from 0) is held out when k % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
MAX_CONTEXT = 256          # the longest history validation_bpc hands to `predict`
EVAL_BATCH = 4096          # contexts per call to `predict`
SUM_TOLERANCE = 1e-4       # how far a distribution's sum may be from 1
PROBABILITY_FLOOR = 1e-12  # a zero probability on the true character costs log2(1e12) ~ 40 bits, not infinity


def _split(text):
    """(training text, held-out text): stories end with a blank line, and every HELD_OUT_EVERY-th one is held out."""
    stories = [story + "\n\n" for story in text.split("\n\n") if story]
    held_out = [s for k, s in enumerate(stories) if k % HELD_OUT_EVERY == HELD_OUT_EVERY - 1]
    train = [s for k, s in enumerate(stories) if k % HELD_OUT_EVERY != HELD_OUT_EVERY - 1]
    return "".join(train), "".join(held_out)


_TEXT = CORPUS.read_text(encoding="ascii")
VOCAB = "".join(sorted(set(_TEXT)))
VOCAB_SIZE = len(VOCAB)
_INDEX = {ch: i for i, ch in enumerate(VOCAB)}
_TRAIN_TEXT, _HELD_OUT_TEXT = _split(_TEXT)


def encode(text):
    """Character ids of `text` as an int64 array."""
    return np.array([_INDEX[ch] for ch in text], dtype=np.int64)


def decode(ids):
    """The text of a sequence of character ids."""
    return "".join(VOCAB[int(i)] for i in ids)


_HELD_OUT_IDS = encode(_HELD_OUT_TEXT)


def train_ids():
    """The training text as character ids (a fresh array each call)."""
    return encode(_TRAIN_TEXT)


def _contexts(ids, context):
    """For each position i, the `context` ids before it; the text is left-padded with newlines."""
    padded = np.concatenate([np.full(context, _INDEX["\n"], dtype=np.int64), ids])
    return np.lib.stride_tricks.sliding_window_view(padded, context)[:-1]


def _checked(probs, rows):
    """`probs` as float64 rows renormalised to sum to 1, after checking it holds `rows` distributions over VOCAB.

    Raises ValueError for a wrong shape, NaN or infinite values, negative values, or rows whose sum is off.
    """
    probs = np.asarray(probs, dtype=np.float64)
    if probs.shape != (rows, VOCAB_SIZE):
        raise ValueError(f"predict returned shape {probs.shape}; expected ({rows}, {VOCAB_SIZE})")
    if not np.all(np.isfinite(probs)):
        raise ValueError("predict returned NaN or infinite probabilities")
    if probs.min() < 0.0:
        raise ValueError(f"predict returned a negative probability ({probs.min():.3g})")
    sums = probs.sum(axis=1)
    worst = np.abs(sums - 1.0).max()
    if worst > SUM_TOLERANCE:
        raise ValueError(f"predict returned rows that do not sum to 1 (off by up to {worst:.3g})")
    return probs / sums[:, None]


def validation_bpc(predict, context):
    """Mean bits per character of the held-out text.

    `predict` takes an int64 array (batch, context) of character ids, the `context` characters before each
    position (oldest first), and returns a (batch, VOCAB_SIZE) array of next-character probabilities.
    """
    if not isinstance(context, (int, np.integer)) or not 1 <= context <= MAX_CONTEXT:
        raise ValueError(f"context must be a whole number from 1 to {MAX_CONTEXT}, not {context!r}")
    contexts = _contexts(_HELD_OUT_IDS, int(context))
    total_bits = 0.0
    for start in range(0, len(_HELD_OUT_IDS), EVAL_BATCH):
        batch = contexts[start:start + EVAL_BATCH].copy()
        targets = _HELD_OUT_IDS[start:start + EVAL_BATCH]
        probs = _checked(predict(batch), len(batch))
        truth = probs[np.arange(len(batch)), targets]
        total_bits -= np.log2(np.maximum(truth, PROBABILITY_FLOOR)).sum()
    return float(total_bits / len(_HELD_OUT_IDS))
