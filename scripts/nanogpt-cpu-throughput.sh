#!/usr/bin/env bash
# The nanogpt template's training throughput through the workbench (the loop's baseline run on the local target)
# against the bare `python3 train.py` of the same command, on a CPU: tiny preset, offline text, one thread each, in
# alternating rounds so that neither always runs on the quieter machine. A third column runs the bare command in a
# session of its own (setsid), as the local target starts runs: on Linux with autogroup scheduling a new session gets
# its own share of a busy CPU, which is a difference of scheduling, not of the workbench's overhead. Prints tokens/s
# per round and the ratios of the medians. Usage: scripts/nanogpt-cpu-throughput.sh [ROUNDS=3] [BUDGET=30s]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-3}
budget=${2:-30s}
work=$(mktemp -d /tmp/nanogpt-throughput.XXXXXX)
command=(python3 train.py --preset tiny --data local-text --budget "$budget" --evals 1 --device cpu --compile off)
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

tokens_per_s() { grep -o 'tokens_per_s:[0-9]*' "$1" | tail -1 | cut -d: -f2; }

bare() {  # bare ROUND [setsid]
  local dir="$work/bare-$1${2:-}"
  cp -r "$root/resources/environments/nanogpt/baseline" "$dir"
  (cd "$dir" && PYTHONUNBUFFERED=1 ${2:+setsid -w} "${command[@]}" >"$dir/out.txt" 2>&1)
  tokens_per_s "$dir/out.txt"
}

workbench() {
  local study="$work/study-$1"
  "$root/groundwork" new "$study" --template nanogpt >/dev/null 2>&1
  # The spec's run becomes the same CPU command; ideas wait at a manual gate so that only the baseline runs.
  python3 - "$study/groundwork.yaml" "${command[@]}" <<'PY'
import json, re, sys
path, command = sys.argv[1], sys.argv[2:]
text = open(path).read()
text = re.sub(r'(?m)^  command: \[.*\]$', '  command: ' + json.dumps(command), text)
text = re.sub(r'(?m)^  gpus_per_run: 1$', '  gpus_per_run: 0', text)
text = re.sub(r'(?m)^  env: .*$', '  env: { OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" }', text)
text = re.sub(r'(?m)^  data: .*$\n', '', text)
text = text.replace('valid: [2.5, 20.0]', 'valid: [0.1, 8.0]').replace('gates: { idea: auto', 'gates: { idea: manual')
open(path, 'w').write(text)
PY
  "$root/groundwork" run "$study" --epochs 1 --ideas-per-epoch 1 --concurrency 1 >/dev/null 2>&1 || true
  tokens_per_s "$study/runs/1/log.txt"
}

declare -a bare_rates session_rates workbench_rates
for ((i = 0; i < rounds; i++)); do
  if ((i % 2 == 0)); then
    b=$(bare "$i"); w=$(workbench "$i"); s=$(bare "$i" setsid)
  else
    s=$(bare "$i" setsid); w=$(workbench "$i"); b=$(bare "$i")
  fi
  echo "round $i: bare $b tokens/s, workbench $w tokens/s, bare in its own session $s tokens/s"
  bare_rates+=("$b"); session_rates+=("$s"); workbench_rates+=("$w")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mb=$(median "${bare_rates[@]}"); ms=$(median "${session_rates[@]}"); mw=$(median "${workbench_rates[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
echo "median: bare $mb, workbench $mw, bare in its own session $ms tokens/s;" \
     "workbench / bare $(ratio "$mw" "$mb"), workbench / bare in its own session $(ratio "$mw" "$ms")"
rm -rf "$work"
