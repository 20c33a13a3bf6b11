"""Writes corpus.txt: short stories in a small made-up English with long-range structure.

Run from anywhere:  python3 data/generate.py          (writes data/corpus.txt next to this file)
                    python3 data/generate.py --check  (exits 1 unless corpus.txt is exactly what this script writes)

The text is deterministic (one seeded random.Random) and license-clean (every word comes from this file). It is
built so that a character model gains from seeing far back:
  * names invented per story and then repeated (copying from context pays off);
  * pronouns that agree with the name's gender, and "was/were" that agrees with a subject across a relative clause;
  * nested brackets that must be closed in order;
  * counts that must stay consistent ("had 7 coins ... gave 3 ... had 4 coins left"), and counting up to the number
    given away;
  * a story number in the header, repeated at the story's end and incremented by the next story.
"""
import hashlib
import random
import sys
from pathlib import Path

SEED = 20260114
STORIES = 800
OUTPUT = Path(__file__).with_name("corpus.txt")

ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "th", "sh"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ou"]
PLACES = ["the old mill", "the river", "the north gate", "the market", "the long bridge", "the quiet forest"]
ADJECTIVES = ["hungry", "tired", "loud", "clever", "afraid", "happy"]
# (singular, plural): regular and irregular plurals, so agreement is not just "ends in s".
CREATURES = [("wolf", "wolves"), ("mouse", "mice"), ("child", "children"), ("goose", "geese"), ("cat", "cats"),
             ("fox", "foxes"), ("sheep", "sheep"), ("owl", "owls")]
THINGS = [("lamp", "lamps"), ("coin", "coins"), ("apple", "apples"), ("key", "keys"), ("book", "books"),
          ("box", "boxes"), ("knife", "knives"), ("loaf", "loaves")]
NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


def invent_name(rng, female):
    """A pronounceable made-up name; female names end in "a", the others never do."""
    syllables = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 2))]
    name = "".join(syllables)
    if female:
        return name + rng.choice(["ra", "na", "la"] if name.endswith("a") else ["a", "ra", "na", "la"])
    return name.rstrip("a") + rng.choice(["o", "in", "us", "ek", "an", "il", "or", "em"])


def counted(n, thing):
    """'1 lamp', '4 lamps'."""
    return f"{n} {thing[0] if n == 1 else thing[1]}"


def bracketed(rng, depth):
    """A parenthetical remark nested `depth` deep, e.g. '(which was old (and (very) cold))'."""
    words = rng.choice(["which was old", "near the water", "as everyone knew", "or so they said", "long ago"])
    if depth <= 1:
        return f"({words})"
    return f"({words} {bracketed(rng, depth - 1)})"


def story(rng, number):
    """One story: introduces people, gives them things, moves things around, ends by naming them again."""
    a_female, b_female = rng.random() < 0.5, rng.random() < 0.5
    a, b = invent_name(rng, a_female), invent_name(rng, b_female)
    while b == a:
        b = invent_name(rng, b_female)
    town = invent_name(rng, True) + rng.choice(["mor", "ford", "dale", "holm"])
    a_pronoun, b_possessive = ("she" if a_female else "he"), ("her" if b_female else "his")
    thing = rng.choice(THINGS)
    have = rng.randint(3, 9)
    give = rng.randint(1, have - 1)
    creature = rng.choice(CREATURES)
    plural = rng.random() < 0.5
    subject = f"the {creature[1] if plural else creature[0]}"
    clause = f"that {rng.choice([a, b])} saw near {rng.choice(PLACES)}"
    if rng.random() < 0.5:
        clause += f" {bracketed(rng, rng.randint(1, 3))}"
    lines = [
        f"story {number}.",
        f"in the town of {town} lived {a} and {b}.",
        f"{a} had {counted(have, thing)}, and {b} had none.",
        f"{subject} {clause} {'were' if plural else 'was'} {rng.choice(ADJECTIVES)}.",
        f'{a} said: "{b}, take {NUMBER_WORDS[give]} {bracketed(rng, rng.randint(1, 3))}."',
        f"so {a} gave {counted(give, thing)} to {b}, and {a_pronoun} had {counted(have - give, thing)} left.",
        f"{b} counted {b_possessive} {thing[1]}: {' '.join(str(i) for i in range(1, give + 1))}.",
        f"that was the end of story {number}, about {a} and {b} of {town}.",
    ]
    return "\n".join(lines) + "\n\n"


def corpus():
    rng = random.Random(SEED)
    return "".join(story(rng, number) for number in range(1, STORIES + 1))


def main():
    text = corpus()
    if "--check" in sys.argv[1:]:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="ascii") == text
        print(f"{OUTPUT.name} {'matches' if same else 'DIFFERS FROM'} the generator")
        sys.exit(0 if same else 1)
    OUTPUT.write_text(text, encoding="ascii")
    digest = hashlib.sha256(text.encode("ascii")).hexdigest()[:16]
    print(f"wrote {OUTPUT.name}: {len(text)} characters, {STORIES} stories, sha256 {digest}")


if __name__ == "__main__":
    main()
