"""Trains the nanogpt baseline under a fixed budget and reports the held-out loss through evaluate.py.

  python3 train.py [--preset gpt2|small|tiny] [--budget 25m | --tokens N] [--evals 8] [--data fineweb|local-text]
  torchrun --standalone --nproc_per_node=8 train.py ...   (data-parallel over 8 GPUs)

The budget is training time (evaluation and the first step, which compiles, are not counted) or a number of tokens;
the learning-rate schedule follows the budget's progress, so it ends where the budget ends however fast a step is.
"""
import argparse
import math
import os
import time
from contextlib import nullcontext

import numpy as np
import torch
import torch.distributed as dist
from torch.nn.parallel import DistributedDataParallel

import evaluate
from model import GPT, GPTConfig

# Size presets: the model's shape, sequences per forward pass, tokens per optimizer step (over all GPUs)
PRESETS = {
    "gpt2": dict(n_layer=12, n_head=12, n_embd=768, seq_len=1024, micro_batch=32, batch_tokens=524_288),  # 124M
    "small": dict(n_layer=6, n_head=6, n_embd=384, seq_len=512, micro_batch=32, batch_tokens=131_072),    # ~10M
    "tiny": dict(n_layer=4, n_head=4, n_embd=128, seq_len=128, micro_batch=8, batch_tokens=2_048),        # ~1M
}

# Optimisation: AdamW, linear warmup over the first WARMUP of the budget, then cosine decay to MIN_LR_RATIO
LEARNING_RATE = 6e-4
WARMUP = 0.05
MIN_LR_RATIO = 0.1
WEIGHT_DECAY = 0.1
BETAS = (0.9, 0.95)
GRAD_CLIP = 1.0


def parse_args():
    parser = argparse.ArgumentParser(description="Trains the nanogpt baseline.")
    parser.add_argument("--preset", choices=sorted(PRESETS), default="gpt2")
    parser.add_argument("--budget", default="25m", help="training time, e.g. 20s, 2m, 25m, 1h")
    parser.add_argument("--tokens", type=int, help="a budget of training tokens instead of time")
    parser.add_argument("--evals", type=int, default=8, help="evaluations spread over the budget; the last at its end")
    parser.add_argument("--data", choices=["fineweb", "local-text"], default="fineweb")
    parser.add_argument("--data-dir", help="the shards' folder (default $GROUNDWORK_DATA_<DATA>, else data/<data>)")
    parser.add_argument("--device", choices=["auto", "cuda", "cpu"], default="auto")
    parser.add_argument("--compile", choices=["auto", "on", "off"], default="auto", help="torch.compile (auto: on CUDA)")
    parser.add_argument("--seed", type=int, default=0)
    return parser.parse_args()


def seconds(text):
    """'90s', '2m', '25m', '1h' as seconds."""
    units = {"s": 1, "m": 60, "h": 3600}
    if not text or text[-1] not in units:
        raise SystemExit(f"--budget {text!r}: write a number followed by s, m or h, e.g. 25m")
    return float(text[:-1]) * units[text[-1]]


def setup(device_choice):
    """(rank, world size, device); under torchrun each process takes the GPU of its local rank."""
    cuda = torch.cuda.is_available() if device_choice == "auto" else device_choice == "cuda"
    if "RANK" in os.environ:
        dist.init_process_group(backend="nccl" if cuda else "gloo")
        rank, world = dist.get_rank(), dist.get_world_size()
        local_rank = int(os.environ.get("LOCAL_RANK", 0))
    else:
        rank, world, local_rank = 0, 1, 0
    device = torch.device(f"cuda:{local_rank}" if cuda else "cpu")
    if cuda:
        torch.cuda.set_device(device)
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    return rank, world, device


class TrainLoader:
    """Reads the training shards in order, each process its own slice of every batch, wrapping around at the end."""

    def __init__(self, files, batch, seq_len, rank, world, device):
        self.files, self.batch, self.seq_len = files, batch, seq_len
        self.rank, self.world, self.device = rank, world, device
        self.shard, self.position = 0, 0
        self.tokens = evaluate.load_tokens(self.files[0])

    def next(self):
        span = self.batch * self.seq_len
        if self.position + span * self.world + 1 > len(self.tokens):
            self.shard = (self.shard + 1) % len(self.files)
            self.tokens = evaluate.load_tokens(self.files[self.shard])
            self.position = 0
            if span * self.world + 1 > len(self.tokens):
                raise ValueError(f"{self.files[self.shard]} holds fewer tokens than one batch")
        start = self.position + self.rank * span
        chunk = torch.from_numpy(self.tokens[start:start + span + 1].astype(np.int64))
        self.position += span * self.world
        x = chunk[:-1].view(self.batch, self.seq_len)
        y = chunk[1:].view(self.batch, self.seq_len)
        if self.device.type == "cuda":
            return x.pin_memory().to(self.device, non_blocking=True), y.pin_memory().to(self.device, non_blocking=True)
        return x, y


def configure_optimizer(model, device):
    """AdamW; matrices decay, vectors (norms, biases) do not. Each group's initial_lr is scaled by the schedule."""
    params = [p for p in model.parameters() if p.requires_grad]
    groups = [{"params": [p for p in params if p.dim() >= 2], "weight_decay": WEIGHT_DECAY},
              {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0}]
    for group in groups:
        group["initial_lr"] = LEARNING_RATE
    return torch.optim.AdamW(groups, lr=LEARNING_RATE, betas=BETAS, fused=device.type == "cuda")


def lr_schedule(progress):
    """The learning rate's multiplier at `progress` (0 to 1) through the budget: linear warmup, then cosine decay."""
    if progress < WARMUP:
        return 0.1 + 0.9 * progress / WARMUP
    decay = (progress - WARMUP) / (1 - WARMUP)
    return MIN_LR_RATIO + (1 - MIN_LR_RATIO) * 0.5 * (1 + math.cos(math.pi * min(decay, 1.0)))


def main():
    args = parse_args()
    rank, world, device = setup(args.device)
    torch.manual_seed(args.seed)
    preset = PRESETS[args.preset]
    data = evaluate.open_data(args.data, args.data_dir)

    vocab = math.ceil(data.vocab_size / 64) * 64
    config = GPTConfig(vocab_size=vocab, block_size=preset["seq_len"], n_layer=preset["n_layer"],
                       n_head=preset["n_head"], n_embd=preset["n_embd"])
    model = GPT(config).to(device)
    compiled = torch.compile(model) if args.compile == "on" or (args.compile == "auto" and device.type == "cuda") \
        else model
    trained = DistributedDataParallel(compiled, device_ids=[device.index] if device.type == "cuda" else None,
                                      broadcast_buffers=False) if world > 1 else compiled
    optimizer = configure_optimizer(model, device)
    autocast = torch.autocast("cuda", dtype=torch.bfloat16) if device.type == "cuda" else nullcontext()

    micro_batch, seq_len = preset["micro_batch"], preset["seq_len"]
    accumulation = max(1, preset["batch_tokens"] // (micro_batch * seq_len * world))
    step_tokens = accumulation * micro_batch * seq_len * world
    loader = TrainLoader(data.train_files, micro_batch, seq_len, rank, world, device)
    evaluator = evaluate.Evaluator(data, args.preset, device, micro_batch)
    time_budget_ms = None if args.tokens else seconds(args.budget) * 1000
    if rank == 0:
        params = sum(p.numel() for p in model.parameters())
        print(f"preset {args.preset}: {params / 1e6:.1f}M parameters, {world} process(es) on {device.type}, "
              f"{step_tokens} tokens per step ({accumulation} micro-batches), budget "
              f"{args.budget if time_budget_ms else f'{args.tokens} tokens'}, data {data.dir} ({data.tokenizer})",
              flush=True)

    step, tokens, timed_tokens, train_time_ms, evals_done = 0, 0, 0, 0.0, 0
    loss_sum, loss_count = torch.zeros((), device=device), 0
    progress = 0.0
    while progress < 1.0:
        started = time.perf_counter()
        multiplier = lr_schedule(progress)
        for group in optimizer.param_groups:
            group["lr"] = group["initial_lr"] * multiplier
        for micro in range(accumulation):
            x, y = loader.next()
            sync = world == 1 or micro == accumulation - 1
            with (nullcontext() if sync else trained.no_sync()), autocast:
                loss = trained(x, y) / accumulation
                loss.backward()
            loss_sum += loss.detach()
        torch.nn.utils.clip_grad_norm_(model.parameters(), GRAD_CLIP)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        if device.type == "cuda":
            torch.cuda.synchronize()
        step += 1
        loss_count += 1
        tokens += step_tokens
        if step > 1:  # the first step compiles and warms up: not counted
            train_time_ms += (time.perf_counter() - started) * 1000
            timed_tokens += step_tokens
        if time_budget_ms:
            elapsed = torch.tensor([train_time_ms], device=device)
            if world > 1:
                dist.broadcast(elapsed, 0)  # every process stops at the same step
            progress = elapsed.item() / time_budget_ms
        else:
            progress = tokens / args.tokens

        if progress >= (evals_done + 1) / args.evals or progress >= 1.0:
            evals_done = min(args.evals, math.floor(progress * args.evals))
            total_steps = step if progress >= 1.0 else max(step, round(step / max(progress, 1e-9)))
            train_loss = loss_sum.item() / loss_count
            if world > 1:
                mean = torch.tensor([train_loss], device=device)
                dist.all_reduce(mean)
                train_loss = mean.item() / world
            evaluator.report(step, total_steps, compiled, train_loss=train_loss, train_time_ms=train_time_ms,
                             timed_tokens=timed_tokens)
            loss_sum, loss_count = torch.zeros((), device=device), 0

    if rank == 0:
        print(f"trained {step} steps, {tokens} tokens, in {train_time_ms / 1000:.1f} s of training time", flush=True)
    if dist.is_initialized():
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
