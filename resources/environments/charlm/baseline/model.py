"""A Bengio-style character-level language model in numpy with hand-written backprop, and its optimizer."""
import numpy as np

LN2 = np.log(2.0)


def softmax(logits):
    """Row-wise softmax, shifted by the row maximum for numerical safety."""
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


class CharMLP:
    """Predicts the next character from the previous `context` ones.

    Each character id is looked up in an embedding table, the `context` embeddings are concatenated, passed
    through one tanh hidden layer, and a linear layer gives logits over the vocabulary.
    """

    def __init__(self, vocab_size, context, embed_dim, hidden, rng):
        self.context = context
        self.params = {
            "embed": rng.normal(0.0, 0.1, (vocab_size, embed_dim)),
            "w1": rng.normal(0.0, 0.1, (context * embed_dim, hidden)),
            "b1": np.zeros(hidden),
            "w2": rng.normal(0.0, 0.1, (hidden, vocab_size)),
            "b2": np.zeros(vocab_size),
        }

    def forward(self, x):
        """Logits for contexts `x` (batch, context) of ids, and the activations backward() needs."""
        p = self.params
        emb = p["embed"][x].reshape(len(x), -1)
        h = np.tanh(emb @ p["w1"] + p["b1"])
        logits = h @ p["w2"] + p["b2"]
        return logits, (x, emb, h)

    def backward(self, dlogits, cache):
        """Gradients of every parameter, given the gradient of the loss with respect to the logits."""
        p = self.params
        x, emb, h = cache
        grads = {"w2": h.T @ dlogits, "b2": dlogits.sum(axis=0)}
        dpre = (dlogits @ p["w2"].T) * (1.0 - h * h)
        grads["w1"] = emb.T @ dpre
        grads["b1"] = dpre.sum(axis=0)
        demb = (dpre @ p["w1"].T).reshape(x.shape + (-1,))
        grads["embed"] = np.zeros_like(p["embed"])
        np.add.at(grads["embed"], x, demb)
        return grads

    def loss_and_grads(self, x, y):
        """Mean cross-entropy of targets `y` given contexts `x`, in bits, and its gradients (taken in nats)."""
        logits, cache = self.forward(x)
        probs = softmax(logits)
        rows = np.arange(len(y))
        loss = -np.log(probs[rows, y]).mean() / LN2
        dlogits = probs
        dlogits[rows, y] -= 1.0
        dlogits /= len(y)
        return float(loss), self.backward(dlogits, cache)

    def predict(self, x):
        """Next-character probabilities (batch, vocab) for contexts `x` (batch, context)."""
        logits, _ = self.forward(x)
        return softmax(logits)


class SGD:
    """Plain stochastic gradient descent: every parameter moves by -lr times its gradient."""

    def step(self, params, grads, lr):
        for name, grad in grads.items():
            params[name] -= lr * grad
