"""Builds the token shards the nanogpt study trains and evaluates on. PROTECTED: the implementer never edits this file.

  python3 prepare.py --data local-text [--text FILE ...] [--tokenizer bytes|gpt2] [--out data/local-text]
      Offline: tokenizes local text (data/corpus.txt, the charlm template's generated stories, when no --text is
      given). Paragraphs are the blocks between blank lines; every 10th is held out. Tokens are bytes (256 of them)
      unless --tokenizer gpt2 is given, so that a study scores the same on every machine whether or not tiktoken is
      installed. train.py builds these shards itself when they are missing.
  python3 prepare.py --data fineweb [--shards 10] [--out data/fineweb]
      Downloads FineWeb's sample-10BT (Hugging Face `datasets`, streaming) and tokenizes it with GPT-2's BPE
      (`tiktoken`): 100M-token shards, the first one held out, as llm.c's fineweb.py does.
  python3 prepare.py --data fineweb --pretokenized [--shards 10] [--out data/fineweb]
      Downloads the same kind of shards ready-made (kjj0/fineweb10B-gpt2, the speedrun's; `huggingface_hub`): faster.

Shards use llm.c's format: 256 int32 header (magic 20240520, version 1, token count), then uint16 tokens; meta.json
names the tokenizer and its vocabulary size. Point a study at the folder with GROUNDWORK_DATA_FINEWEB (or the spec's
data entry).
"""
import argparse
import json
import os
import tempfile
from pathlib import Path

import numpy as np

LOCAL_TEXT, FINEWEB = "local-text", "fineweb"
HERE = Path(__file__).resolve().parent
DEFAULT_TEXT = HERE / "data" / "corpus.txt"
HELD_OUT_EVERY = 10                 # paragraph k is held out when k % 10 == 9
SHARD_TOKENS = 100_000_000          # tokens per FineWeb shard
GPT2_VOCAB, GPT2_EOT = 50257, 50256
MAGIC, VERSION, HEADER_INTS = 20240520, 1, 256


def write_shard(path, tokens):
    """Writes `tokens` (anything numpy can make uint16 of) as one llm.c shard."""
    tokens = np.asarray(tokens, dtype=np.uint16)
    header = np.zeros(HEADER_INTS, dtype=np.int32)
    header[:3] = (MAGIC, VERSION, len(tokens))
    with open(path, "wb") as out:
        out.write(header.tobytes())
        out.write(tokens.tobytes())


def _gpt2():
    try:
        import tiktoken  # only needed for GPT-2 tokens; the offline default (bytes) does without
    except ImportError:
        raise SystemExit("GPT-2 tokens need tiktoken, which is not installed: `python3 -m pip install tiktoken`, or "
                         "tokenize the local text as bytes (--tokenizer bytes, the default)") from None
    return tiktoken.get_encoding("gpt2")


def _encode(text, tokenizer):
    if tokenizer == "bytes":
        return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)
    return _gpt2().encode_ordinary(text)


def local_text(out, texts=(DEFAULT_TEXT,), tokenizer="bytes"):
    """Tokenizes `texts` into out/local_{train,val}_000000.bin and out/meta.json, atomically (a half-built folder
    never appears, so runs that start together each see either nothing or the whole set)."""
    out = Path(out)
    paragraphs = []
    for text in texts:
        paragraphs += [p + "\n\n" for p in Path(text).read_text(encoding="utf-8").split("\n\n") if p.strip()]
    if len(paragraphs) < HELD_OUT_EVERY:
        raise ValueError(f"the text has {len(paragraphs)} paragraphs; at least {HELD_OUT_EVERY} are needed to hold "
                         f"some out")
    held_out = "".join(p for k, p in enumerate(paragraphs) if k % HELD_OUT_EVERY == HELD_OUT_EVERY - 1)
    train = "".join(p for k, p in enumerate(paragraphs) if k % HELD_OUT_EVERY != HELD_OUT_EVERY - 1)
    train_tokens, held_out_tokens = _encode(train, tokenizer), _encode(held_out, tokenizer)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".local-text-", dir=out.parent))
    write_shard(staging / "local_train_000000.bin", train_tokens)
    write_shard(staging / "local_val_000000.bin", held_out_tokens)
    vocab = 256 if tokenizer == "bytes" else GPT2_VOCAB
    (staging / "meta.json").write_text(json.dumps({"tokenizer": tokenizer, "vocab_size": vocab,
                                                   "source": [str(t) for t in texts]}))
    try:
        os.rename(staging, out)
    except OSError:  # another process built it first
        for file in staging.iterdir():
            file.unlink()
        staging.rmdir()
    return out


def _tokenize_document(doc):
    encoding = _gpt2()
    return np.array([GPT2_EOT] + encoding.encode_ordinary(doc["text"]), dtype=np.uint16)


def fineweb(out, shards):
    """Streams FineWeb sample-10BT and writes 1 held-out shard then `shards` training shards of GPT-2 tokens."""
    import multiprocessing

    from datasets import load_dataset
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    documents = load_dataset("HuggingFaceFW/fineweb", name="sample-10BT", split="train", streaming=True)
    buffer, filled, index = np.empty(SHARD_TOKENS, dtype=np.uint16), 0, 0
    with multiprocessing.Pool(max(1, os.cpu_count() - 2)) as pool:
        for tokens in pool.imap(_tokenize_document, documents, chunksize=16):
            while len(tokens):
                take = min(len(tokens), SHARD_TOKENS - filled)
                buffer[filled:filled + take], filled, tokens = tokens[:take], filled + take, tokens[take:]
                if filled == SHARD_TOKENS:
                    split = "val" if index == 0 else "train"
                    write_shard(out / f"fineweb_{split}_{index:06d}.bin", buffer)
                    print(f"wrote {out / f'fineweb_{split}_{index:06d}.bin'}", flush=True)
                    index, filled = index + 1, 0
                    if index > shards:
                        pool.terminate()
                        break
            if index > shards:
                break
    (out / "meta.json").write_text(json.dumps({"tokenizer": "gpt2", "vocab_size": GPT2_VOCAB,
                                               "source": "HuggingFaceFW/fineweb sample-10BT"}))


def fineweb_pretokenized(out, shards):
    """Downloads the speedrun's ready-made GPT-2 shards: fineweb_val_000000.bin and `shards` training shards."""
    from huggingface_hub import hf_hub_download
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    names = ["fineweb_val_000000.bin"] + [f"fineweb_train_{i:06d}.bin" for i in range(1, shards + 1)]
    for name in names:
        if not (out / name).exists():
            hf_hub_download(repo_id="kjj0/fineweb10B-gpt2", filename=name, repo_type="dataset", local_dir=out)
            print(f"downloaded {out / name}", flush=True)
    (out / "meta.json").write_text(json.dumps({"tokenizer": "gpt2", "vocab_size": GPT2_VOCAB,
                                               "source": "kjj0/fineweb10B-gpt2"}))


def main():
    parser = argparse.ArgumentParser(description="Builds the nanogpt study's token shards.")
    parser.add_argument("--data", choices=[LOCAL_TEXT, FINEWEB], default=LOCAL_TEXT)
    parser.add_argument("--out", help="the folder to write (default data/<data>)")
    parser.add_argument("--text", nargs="+", default=[str(DEFAULT_TEXT)], help="local-text: the text files")
    parser.add_argument("--tokenizer", choices=["bytes", "gpt2"], default="bytes", help="local-text: the tokens")
    parser.add_argument("--shards", type=int, default=10, help="fineweb: training shards of 100M tokens")
    parser.add_argument("--pretokenized", action="store_true", help="fineweb: download ready-made GPT-2 shards")
    args = parser.parse_args()
    out = Path(args.out or Path("data") / args.data)
    if args.data == LOCAL_TEXT:
        if out.exists():
            raise SystemExit(f"{out} exists already; remove it or name another --out")
        local_text(out, [Path(t) for t in args.text], args.tokenizer)
    elif args.pretokenized:
        fineweb_pretokenized(out, args.shards)
    else:
        fineweb(out, args.shards)
    print(f"the {args.data} shards are in {out.resolve()}")


if __name__ == "__main__":
    main()
