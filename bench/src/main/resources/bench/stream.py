"""A run that streams like a chatty training script: log lines and a metric record every few lines, for a while."""
import json
import math
import sys
import time

seconds = float(sys.argv[1])
lines_per_second = int(sys.argv[2])
start = time.time()
step = 0
while time.time() - start < seconds:
    for _ in range(max(1, lines_per_second // 50)):
        step += 1
        print(f"step {step} lr 3e-4 tokens/s 51234 grad_norm {1 + math.sin(step / 50):.4f}")
        if step % 20 == 0:
            print(json.dumps({"step": step, "val_loss": 2.0 / math.log(step + 2)}))
    sys.stdout.flush()
    time.sleep(0.02)
print(json.dumps({"step": step, "val_loss": 2.0 / math.log(step + 2)}))
