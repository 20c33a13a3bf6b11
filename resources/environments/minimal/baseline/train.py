"""Fits y = sin(x) with a cubic polynomial by gradient descent; prints one JSON metric line per logged step."""
import json
import math
import random

from evaluate import val_loss

STEPS = 60
LEARNING_RATE = 0.05
LOG_EVERY = 10

rng = random.Random(0)
train = [(x, math.sin(x) + 0.1 * rng.gauss(0.0, 1.0)) for x in (rng.uniform(-2.0, 2.0) for _ in range(256))]
weights = [0.0, 0.0, 0.0, 0.0]


def predict(x):
    return sum(w * x ** k for k, w in enumerate(weights))


for step in range(STEPS + 1):
    grads = [0.0] * len(weights)
    loss = 0.0
    for x, y in train:
        error = predict(x) - y
        loss += error * error
        for k in range(len(weights)):
            grads[k] += 2.0 * error * x ** k
    for k in range(len(weights)):
        weights[k] -= LEARNING_RATE * grads[k] / len(train)
    if step % LOG_EVERY == 0:
        print(json.dumps({"step": step, "train_loss": loss / len(train), "val_loss": val_loss(predict)}), flush=True)
