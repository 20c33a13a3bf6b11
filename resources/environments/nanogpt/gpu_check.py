"""Runs the nanogpt baseline and every catalog idea directly with Python, and prints a table per idea.

For a machine with Python and PyTorch but no Groundwork (no Java, no Docker): a CUDA box where the template is to be
checked. Each idea's diff is applied to a fresh copy of baseline/, the run's output is read with the study's own metric
regex (from groundwork.yaml), and the table gives the last validation loss, tokens/s, MFU and peak memory.

  python3 gpu_check.py                                  # gpt2 preset, 20 s budget, FineWeb ($GROUNDWORK_DATA_FINEWEB)
  python3 gpu_check.py --preset tiny --budget 20s --data local-text --device cpu    # the same on a CPU, offline
  python3 gpu_check.py --gpus 8                         # each run on 8 GPUs through torchrun
  python3 gpu_check.py --bench                          # also: train.py's throughput against a plain reference step
  python3 gpu_check.py --ideas rotary,muon --out table.md

The benchmark builds the baseline's GPT at the preset's size and times a plain training step (bf16 autocast, scaled
dot-product attention, fused AdamW, torch.compile on CUDA, one micro-batch per step, random tokens) in a process of its
own, then compares the baseline run's tokens/s with it.
"""
import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def apply_diff(diff, root):
    """Applies a git diff to the files under `root`; every hunk must fit exactly where it says (the catalog's do)."""
    lines, i, target, hunks = diff.splitlines(keepends=True), 0, None, {}
    while i < len(lines):
        line = lines[i]
        if line.startswith("+++ "):
            name = line[4:].strip()
            target = None if name == "/dev/null" else name[2:] if name.startswith("b/") else name
            hunks.setdefault(target, [])
        elif (match := HUNK.match(line)) and target is not None:
            old_start, body = int(match.group(1)), []
            i += 1
            while i < len(lines) and lines[i][:1] in (" ", "+", "-", "\\", "\n") and not lines[i].startswith("--- "):
                body.append(lines[i])
                i += 1
            hunks[target].append((old_start, body))
            continue
        i += 1
    for name, file_hunks in hunks.items():
        path = root / name
        text = path.read_text().splitlines(keepends=True) if path.exists() else []
        shift = 0
        for old_start, body in file_hunks:
            old = [b[1:] for b in body if b[:1] in (" ", "-")] or []
            new = [b[1:] for b in body if b[:1] in (" ", "+")]
            at = max(old_start - 1, 0) + shift
            if text[at:at + len(old)] != old:
                raise ValueError(f"a hunk of {name} does not apply at line {old_start}")
            text[at:at + len(old)] = new
            shift += len(new) - len(old)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(text))


def study_rules(spec_file):
    """(the metric regex in Python syntax, the reward's valid range or None) read from groundwork.yaml's text."""
    text = spec_file.read_text()
    regex = re.search(r"^\s*regex:\s*'(.*)'\s*$", text, re.M).group(1).replace("''", "'")
    valid = re.search(r"valid:\s*\[\s*([\d.eE+-]+)\s*,\s*([\d.eE+-]+)\s*\]", text)
    return re.compile(regex.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")), \
        (float(valid.group(1)), float(valid.group(2))) if valid else None


def catalog(ideas_dir):
    """[(key, short label, diff file)] from ideas/catalog.yaml, read line by line (no YAML library needed)."""
    entries, current = [], {}
    for line in (ideas_dir / "catalog.yaml").read_text().splitlines():
        field = re.match(r"^\s*-?\s*(key|short|patch):\s*\"?([^\"]*)\"?\s*$", line)
        if field:
            if field.group(1) == "key" and current:
                entries.append(current)
                current = {}
            current[field.group(1)] = field.group(2).strip()
    if current:
        entries.append(current)
    return [(e["key"], e.get("short", e["key"]), ideas_dir / e.get("patch", e["key"] + ".diff")) for e in entries]


def metrics(output, regex):
    """The metric points of a run's output as [{name: value}], one per matched line, the step included."""
    points = []
    for line in output.splitlines():
        match = regex.search(line)
        if match:
            points.append({k: float(v) for k, v in match.groupdict().items() if v is not None})
    return points


def train_command(args, extra):
    launcher = [sys.executable] if args.gpus <= 1 else \
        [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={args.gpus}"]
    budget = ["--tokens", str(args.tokens)] if args.tokens else ["--budget", args.budget]
    return launcher + ["train.py", "--preset", args.preset, *budget, "--evals", str(args.evals), "--data", args.data,
                       "--device", args.device, "--compile", args.compile, *extra]


def run_one(name, diff, args, regex, valid, data_dir, scratch):
    """Copies baseline/, applies `diff`, trains; a result row (dict) with the output kept in scratch/<name>.log."""
    workspace = scratch / name
    shutil.copytree(HERE / "baseline", workspace)
    row = {"idea": name}
    try:
        if diff is not None:
            apply_diff(diff.read_text(), workspace)
    except (ValueError, OSError) as error:
        return row | {"result": f"patch failed: {error}"}
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    started = time.perf_counter()
    try:
        done = subprocess.run(train_command(args, ["--data-dir", str(data_dir)] if data_dir else []), cwd=workspace,
                              env=env, capture_output=True, text=True, timeout=args.timeout)
        output, code = done.stdout + done.stderr, done.returncode
    except subprocess.TimeoutExpired as expired:
        output, code = (expired.stdout or b"").decode() + (expired.stderr or b"").decode(), "timeout"
    (scratch / f"{name}.log").write_text(output)
    row["wall_s"] = time.perf_counter() - started
    points = metrics(output, regex)
    if points:
        last = points[-1]
        row.update(val_loss=last.get("val_loss"), tokens_per_s=last.get("tokens_per_s"), mfu=last.get("mfu"),
                   peak_mem_mb=last.get("peak_mem_mb"), steps=int(last["step"]), evals=len(points))
    if code != 0:
        tail = output.strip().splitlines()[-1:] or ["no output"]
        row["result"] = f"exit {code}: {tail[0][:120]}"
    elif not points:
        row["result"] = "no metric line"
    elif valid and not valid[0] <= row["val_loss"] <= valid[1]:
        row["result"] = f"val_loss outside {list(valid)}"
    else:
        row["result"] = "ok"
    return row


REFERENCE = r"""
import sys, time, json, torch
sys.path.insert(0, sys.argv[1])
from model import GPT, GPTConfig
import train
preset = train.PRESETS[sys.argv[2]]
cuda = sys.argv[3] != "cpu" and torch.cuda.is_available()
device = torch.device("cuda" if cuda else "cpu")
torch.manual_seed(0)
if cuda:
    torch.backends.cuda.matmul.allow_tf32 = True
model = GPT(GPTConfig(vocab_size=50304 if sys.argv[4] == "gpt2" else 256, block_size=preset["seq_len"],
                      n_layer=preset["n_layer"], n_head=preset["n_head"], n_embd=preset["n_embd"])).to(device)
step_model = torch.compile(model) if cuda else model
optimizer = torch.optim.AdamW(model.parameters(), lr=6e-4, betas=(0.9, 0.95), weight_decay=0.1, fused=cuda)
B, T = preset["micro_batch"], preset["seq_len"]
x = torch.randint(0, model.config.vocab_size, (B, T), device=device)
y = torch.randint(0, model.config.vocab_size, (B, T), device=device)
def step():
    with torch.autocast("cuda", dtype=torch.bfloat16, enabled=cuda):
        loss = step_model(x, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad(set_to_none=True)
for _ in range(int(sys.argv[5])):
    step()
if cuda:
    torch.cuda.synchronize()
steps, started = int(sys.argv[6]), time.perf_counter()
for _ in range(steps):
    step()
if cuda:
    torch.cuda.synchronize()
print(json.dumps({"tokens_per_s": steps * B * T / (time.perf_counter() - started)}))
"""


def reference_tokens_per_s(args, tokenizer, scratch):
    """Tokens/s of the plain reference step, measured in a process of its own."""
    baseline = scratch / "reference"
    shutil.copytree(HERE / "baseline", baseline)
    warmup, steps = ("10", "50") if args.device != "cpu" else ("2", "10")
    done = subprocess.run([sys.executable, "-c", REFERENCE, str(baseline), args.preset, args.device, tokenizer,
                           warmup, steps], cwd=baseline, capture_output=True, text=True, timeout=args.timeout)
    if done.returncode != 0:
        raise RuntimeError("the reference step failed:\n" + done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])["tokens_per_s"]


def table(rows):
    def number(value, digits):
        return "" if value is None else f"{value:.{digits}f}"

    lines = ["| idea | val_loss | tokens/s | MFU | peak mem (MB) | steps | wall (s) | result |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for row in rows:
        mfu = row.get("mfu")
        lines.append(f"| {row['idea']} | {number(row.get('val_loss'), 4)} | {number(row.get('tokens_per_s'), 0)} | "
                     f"{'n/a' if mfu is None else f'{mfu:.1%}'} | {number(row.get('peak_mem_mb'), 0)} | "
                     f"{row.get('steps', '')} | {number(row.get('wall_s'), 0)} | {row['result']} |")
    return "\n".join(lines)


def device_line(args):
    import torch
    if args.device != "cpu" and torch.cuda.is_available():
        name = torch.cuda.get_device_name(0)
        return f"{torch.cuda.device_count()} x {name}, torch {torch.__version__}, CUDA {torch.version.cuda}"
    return f"CPU ({os.cpu_count()} cores), torch {torch.__version__}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", default="gpt2")
    parser.add_argument("--budget", default="20s")
    parser.add_argument("--tokens", type=int, help="a token budget instead of --budget")
    parser.add_argument("--evals", type=int, default=2)
    parser.add_argument("--data", default="fineweb", choices=["fineweb", "local-text"])
    parser.add_argument("--data-dir", help="the shards (default $GROUNDWORK_DATA_FINEWEB; local-text builds its own)")
    parser.add_argument("--device", default="auto", choices=["auto", "cuda", "cpu"])
    parser.add_argument("--compile", default="auto", choices=["auto", "on", "off"])
    parser.add_argument("--gpus", type=int, default=1, help="GPUs per run (more than 1 runs torchrun)")
    parser.add_argument("--ideas", default="all", help="'all', 'none' or catalog keys joined by commas")
    parser.add_argument("--bench", action="store_true", help="compare train.py's throughput with a reference step")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds one run may take")
    parser.add_argument("--out", help="also write the table (markdown) to this file")
    parser.add_argument("--keep", action="store_true", help="keep the workspaces and logs")
    args = parser.parse_args()

    regex, valid = study_rules(HERE / "groundwork.yaml")
    if args.data != "fineweb":
        valid = None  # the spec's range is FineWeb's; docs/nanogpt.md gives the offline text's
    entries = catalog(HERE / "ideas")
    if args.ideas not in ("all", "none"):
        wanted = set(args.ideas.split(","))
        unknown = wanted - {key for key, _, _ in entries}
        if unknown:
            raise SystemExit(f"no such ideas in the catalog: {', '.join(sorted(unknown))}")
        entries = [e for e in entries if e[0] in wanted]
    elif args.ideas == "none":
        entries = []

    scratch = Path(tempfile.mkdtemp(prefix="nanogpt-check-"))
    data_dir = Path(args.data_dir).resolve() if args.data_dir else None
    if args.data == "local-text" and data_dir is None:
        sys.path.insert(0, str(HERE / "baseline"))
        import prepare
        data_dir = prepare.local_text(scratch / "local-text")
    header = (f"nanogpt check: preset {args.preset}, budget {args.tokens or args.budget}, {args.gpus} GPU(s) per run, "
              f"data {args.data}, on {device_line(args)}")
    print(header, flush=True)
    rows = []
    for name, diff in [("baseline", None)] + [(key, path) for key, _, path in entries]:
        row = run_one(name, diff, args, regex, valid, data_dir, scratch)
        rows.append(row)
        print(json.dumps(row), flush=True)
    report = [header, "", table(rows)]

    if args.bench:
        tokenizer = "bytes" if args.data == "local-text" else "gpt2"
        reference = reference_tokens_per_s(args, tokenizer, scratch)
        trained = rows[0].get("tokens_per_s")
        ratio = trained / reference if trained else math.nan
        report += ["", f"throughput: train.py {trained or 0:.0f} tokens/s, plain reference step {reference:.0f} "
                       f"tokens/s (micro-batch {args.preset}), ratio {ratio:.3f}"]
    text = "\n".join(report)
    print("\n" + text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    if args.keep:
        print(f"workspaces and logs: {scratch}")
    else:
        shutil.rmtree(scratch, ignore_errors=True)
    sys.exit(0 if all(row["result"] == "ok" for row in rows) else 1)


if __name__ == "__main__":
    main()
