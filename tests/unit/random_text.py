"""Random texts from a word list, for tests that compare a fast matcher with the pattern it replaces."""

from __future__ import annotations

import random

_GLUE = (" ", " ", "  ", ", ", ". ", "\n", "")


def random_texts(
    vocabulary: str, count: int, *, seed: int, words: tuple[int, int] = (1, 30), upper: float = 0.15,
    title: float = 0.0, glue: tuple[str, ...] = _GLUE,
) -> list[str]:
    """``count`` texts of ``words`` random words from ``vocabulary`` joined by random ``glue``; a
    share ``upper`` of them in upper case and ``title`` in title case (deterministic for ``seed``)."""
    rng = random.Random(seed)
    pool = vocabulary.split()
    out = []
    for _ in range(count):
        chosen = [rng.choice(pool) for _ in range(rng.randint(*words))]
        text = "".join(w + rng.choice(glue) for w in chosen)
        out.append(text.upper() if rng.random() < upper else text.title() if rng.random() < title else text)
    return out
