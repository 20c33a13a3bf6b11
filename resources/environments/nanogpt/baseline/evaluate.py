"""The held-out evaluation of the nanogpt study. PROTECTED: the implementer never sees or edits this file.

It owns the data's split, the metric and the metric lines, so that a patch to train.py or model.py cannot move the
goalposts:
  * open_data(kind, data_dir): the token shards; training reads `train_files` with `load_tokens`, and the held-out
    shards are read here only;
  * Evaluator(data, preset, device, batch_size).report(...): the validation loss (mean cross-entropy in nats per
    token) on a fixed number of held-out tokens, after checking that the model cannot see future tokens and that the
    loss is a number; rank 0 prints the metric lines the study's regex reads, e.g.
      step:1200/1430 val_loss:3.3012 train_time:1234567ms tokens_per_s:506000 peak_mem_mb:41000 train_loss:3.29 mfu:0.44
    and the same numbers as one JSON line.
"""
import json
import math
import os
import resource
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F

import prepare

# preset: (sequence length, held-out tokens) — every run of a preset is scored on the same tokens
EVAL_SETS = {
    "gpt2": (1024, 10_485_760),   # the speedrun's validation set size
    "small": (512, 2_097_152),
    "tiny": (128, 16_384),
}
# The lowest believable loss per tokenizer, in nats per token; lower means the model saw held-out text (the seed
# discarded FineWeb losses below 2.5). The study's reward.valid enforces it; this file only says so in the log.
FLOORS = {"gpt2": 2.5, "bytes": 0.1}
CAUSAL_TOLERANCE = 1e-3   # how far a position's log-probabilities may move when later tokens change
# Dense bf16 peak FLOP/s per device, for MFU; GROUNDWORK_PEAK_TFLOPS overrides (first match wins)
PEAK_FLOPS = [("H100 PCIe", 756e12), ("H100 NVL", 835e12), ("H100", 989.4e12), ("H200", 989.4e12),
              ("GH200", 989.4e12), ("B200", 2250e12), ("A100", 312e12), ("L40S", 362e12), ("A10G", 70e12),
              ("RTX 4090", 165.2e12), ("RTX 3090", 71e12)]
HEADER_INTS = 256          # llm.c's shard header: magic, version, token count, then zeros
MAGIC, VERSION = 20240520, 1


@dataclass(frozen=True)
class Data:
    """Token shards: `vocab_size` real tokens (the model may pad its vocabulary), made by `tokenizer`."""
    kind: str
    dir: Path
    tokenizer: str
    vocab_size: int
    train_files: tuple
    val_files: tuple


def data_dir(kind, explicit=None):
    """Where `kind`'s shards are: `explicit`, else $GROUNDWORK_DATA_<KIND>, else data/<kind> under the working folder."""
    if explicit:
        return Path(explicit)
    variable = "GROUNDWORK_DATA_" + kind.upper().replace("-", "_")
    return Path(os.environ[variable]) if os.environ.get(variable) else Path("data") / kind


def open_data(kind="fineweb", explicit_dir=None):
    """The shards of `kind`; the offline local-text shards are built first when they are missing."""
    folder = data_dir(kind, explicit_dir)
    if kind == prepare.LOCAL_TEXT and not sorted(folder.glob("*_train_*.bin")):
        if _rank() == 0:
            prepare.local_text(folder)
        if dist.is_initialized():
            dist.barrier()
    train, val = sorted(folder.glob("*_train_*.bin")), sorted(folder.glob("*_val_*.bin"))
    if not train or not val:
        raise FileNotFoundError(
            f"No {kind} token shards in {folder.resolve()} (it needs *_train_*.bin and *_val_*.bin): run "
            f"`python3 prepare.py --data {kind} --out DIR` where the data may be downloaded and set "
            f"GROUNDWORK_DATA_{kind.upper().replace('-', '_')}=DIR, or train with --data local-text, which needs no "
            f"download.")
    meta_file = folder / "meta.json"
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {"tokenizer": "gpt2", "vocab_size": 50257}
    return Data(kind, folder, meta["tokenizer"], int(meta["vocab_size"]), tuple(train), tuple(val))


def load_tokens(path):
    """The tokens of one shard as a read-only uint16 array (memory-mapped, so a 100M-token shard costs nothing)."""
    header = np.fromfile(path, dtype=np.int32, count=HEADER_INTS)
    if len(header) < 3 or header[0] != MAGIC or header[1] != VERSION:
        raise ValueError(f"{path} is not a token shard (llm.c format: magic {MAGIC}, version {VERSION})")
    return np.memmap(path, dtype=np.uint16, mode="r", offset=HEADER_INTS * 4, shape=(int(header[2]),))


def _rank():
    return dist.get_rank() if dist.is_initialized() else 0


def _world():
    return dist.get_world_size() if dist.is_initialized() else 1


class Evaluator:
    """Scores a model on the preset's held-out tokens and prints the metric lines."""

    def __init__(self, data, preset, device, batch_size):
        self.data = data
        self.device = torch.device(device)
        self.batch_size = batch_size
        self.seq_len, wanted = EVAL_SETS[preset]
        held_out = np.concatenate([load_tokens(path) for path in data.val_files])
        sequences = min(wanted, len(held_out) - 1) // self.seq_len
        sequences -= sequences % _world()  # every rank runs the same number of forward passes
        if sequences < _world():
            raise ValueError(f"the held-out shards of {data.dir} hold {len(held_out)} tokens, fewer than one "
                             f"{self.seq_len}-token sequence per process")
        self.tokens = sequences * self.seq_len
        ids = torch.from_numpy(held_out[:self.tokens + 1].astype(np.int64))
        self.inputs = ids[:-1].view(sequences, self.seq_len)[_rank()::_world()].to(self.device)
        self.targets = ids[1:].view(sequences, self.seq_len)[_rank()::_world()].to(self.device)
        self.floor = FLOORS.get(data.tokenizer)
        self.peak_flops = _peak_flops(self.device)

    def _autocast(self):
        return torch.autocast("cuda", dtype=torch.bfloat16, enabled=self.device.type == "cuda")

    def _log_probs(self, model, inputs):
        logits = model(inputs)
        if logits.dim() != 3 or logits.shape[:2] != inputs.shape or logits.size(-1) < self.data.vocab_size:
            raise ValueError(f"the model returned logits of shape {tuple(logits.shape)} for inputs of shape "
                             f"{tuple(inputs.shape)}; expected (batch, time, at least {self.data.vocab_size})")
        return F.log_softmax(logits[..., :self.data.vocab_size].float(), dim=-1)

    def _check_causal(self, model, inputs, log_probs):
        """The first half's predictions must not move when the second half's tokens change."""
        half = inputs.size(1) // 2
        changed = inputs.clone()
        changed[:, half:] = (changed[:, half:] + 1) % self.data.vocab_size
        moved = (self._log_probs(model, changed)[:, :half] - log_probs[:, :half]).abs().max().item()
        if not moved <= CAUSAL_TOLERANCE:
            raise ValueError(f"the model's predictions change by up to {moved:.3g} when later tokens change: it sees "
                             f"future tokens, which the evaluation does not allow")

    @torch.no_grad()
    def val_loss(self, model):
        """Mean cross-entropy (nats per token) over the held-out tokens, summed over every process."""
        training = model.training
        model.eval()
        total = torch.zeros(2, dtype=torch.float64, device=self.device)
        try:
            with self._autocast():
                for start in range(0, len(self.inputs), self.batch_size):
                    inputs = self.inputs[start:start + self.batch_size]
                    targets = self.targets[start:start + self.batch_size]
                    log_probs = self._log_probs(model, inputs)
                    if start == 0:  # a diverged model is reported as such, not as one that sees the future
                        if not torch.isfinite(log_probs).all():
                            raise FloatingPointError("the model's predictions are not numbers (NaN or infinite); a "
                                                     "diverged run has no score")
                        self._check_causal(model, inputs, log_probs)
                    total[0] -= log_probs.gather(-1, targets.unsqueeze(-1)).sum().double()
                    total[1] += targets.numel()
        finally:
            model.train(training)
        if dist.is_initialized():
            dist.all_reduce(total)
        return (total[0] / total[1]).item()

    def report(self, step, total_steps, model, *, train_loss, train_time_ms, timed_tokens):
        """Evaluates `model` and prints the metric lines (rank 0); returns the validation loss.

        `timed_tokens` are the tokens all processes trained on during `train_time_ms`, which counts training steps
        only (not evaluation, not the first step's compilation).
        """
        val_loss = self.val_loss(model)
        train_loss = float(train_loss)
        for name, value in (("validation", val_loss), ("training", train_loss)):
            if not math.isfinite(value):
                raise FloatingPointError(f"the {name} loss is {value} at step {step}; a diverged run has no score")
        tokens_per_s = timed_tokens / max(train_time_ms, 1e-9) * 1000.0 if timed_tokens else 0.0
        flops = self.flops_per_token(model)
        mfu = flops * tokens_per_s / (self.peak_flops * _world()) if self.peak_flops and flops else None
        if _rank() != 0:
            return val_loss
        peak = _peak_memory_mb(self.device)
        line = (f"step:{step}/{total_steps} val_loss:{val_loss:.4f} train_time:{train_time_ms:.0f}ms "
                f"tokens_per_s:{tokens_per_s:.0f} peak_mem_mb:{peak:.0f} train_loss:{train_loss:.4f}")
        record = {"step": step, "total_steps": total_steps, "val_loss": round(val_loss, 6),
                  "train_loss": round(train_loss, 6), "train_time_ms": round(train_time_ms),
                  "tokens_per_s": round(tokens_per_s), "peak_mem_mb": round(peak)}
        if mfu is not None:
            line += f" mfu:{mfu:.4f}"
            record["mfu"] = round(mfu, 4)
        print(line, flush=True)
        print(json.dumps(record), flush=True)
        if self.floor is not None and val_loss < self.floor:
            print(f"evaluate: val_loss {val_loss:.4f} is below {self.floor}, the floor for {self.data.tokenizer} "
                  f"tokens: the model has seen held-out text; treat this as reward hacking", flush=True)
        return val_loss

    def flops_per_token(self, model):
        """Training FLOPs per token: 6 per weight of every linear layer, plus attention's 12 * layers * width * T."""
        module = getattr(model, "_orig_mod", model)
        module = getattr(module, "module", module)
        weights = {id(m.weight): m.weight.numel() for m in module.modules() if isinstance(m, torch.nn.Linear)}
        config = getattr(module, "config", None)
        attention = 12 * getattr(config, "n_layer", 0) * getattr(config, "n_embd", 0) * self.seq_len
        return 6 * sum(weights.values()) + attention


def _peak_flops(device):
    if os.environ.get("GROUNDWORK_PEAK_TFLOPS"):
        return float(os.environ["GROUNDWORK_PEAK_TFLOPS"]) * 1e12
    if device.type != "cuda":
        return None
    name = torch.cuda.get_device_name(device)
    return next((flops for key, flops in PEAK_FLOPS if key in name), None)


def _peak_memory_mb(device):
    """The most memory the run held: allocated GPU memory on CUDA, else the process's peak resident size."""
    if device.type == "cuda":
        return torch.cuda.max_memory_allocated(device) / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10
