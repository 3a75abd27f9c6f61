#!/usr/bin/env python3
"""Throughput of ``extract`` on synthetic news articles, against a split-only reference pass.

    scripts/bench_extract.py [--articles 1000] [--words 600] [--seed 7] [--repeat 3] [--json]

Articles are generated from templates written for this benchmark (deterministic for a seed),
about ``--words`` words each, mixing diplomatic sentences (triggers, lists, negation, dates)
with filler. Both passes run on one core in this process and are timed in CPU time (so other
load on the machine does not count): the reference pass only splits the same texts into
sentences and tokens; the ratio shows what the rules cost on top of that. On a shared machine
CPU time still varies with what the other processes do to the caches, so each pass runs
``--repeat`` times, interleaved, and the best time of each counts.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.ingest.load import Document  # noqa: E402
from graph.ingest.pipeline import extract_document  # noqa: E402
from graph.ingest.sentences import split_sentences, tokenize  # noqa: E402

COUNTRIES = [
    "France",
    "Germany",
    "Japan",
    "Brazil",
    "Kenya",
    "Chile",
    "Vietnam",
    "Morocco",
    "Canada",
    "Peru",
    "Ghana",
    "Norway",
    "Qatar",
    "Panama",
    "Nauru",
    "Serbia",
    "Kosovo",
    "Taiwan",
    "China",
    "Israel",
    "the United Arab Emirates",
    "Saudi Arabia",
    "South Africa",
    "Indonesia",
    "Argentina",
]
BLOCS = ["NATO", "the European Union", "the African Union", "ASEAN", "BRICS", "the Commonwealth", "the ICC"]
DIPLOMATIC = [
    "{a} and {b} restored full diplomatic relations on {day}, officials said.",
    "{a} said it would not recognise {b} without a negotiated settlement.",
    "{a} formally recognised {b} in {year}, according to the foreign ministry.",
    "{a} cut ties with {b} and switched recognition to {c} last week.",
    "{a}, {b} and {c} have announced plans to recognise {d} in the coming months.",
    "{a} became the newest member of {x} on {day}, the alliance said.",
    "{a} withdrew from {x} in {year}, citing interference in its affairs.",
    "{a} applied to join {x} in {year} and is still waiting for an answer.",
    "Officials from {a} and {b} held talks in Geneva on {day} to discuss a trade deal.",
    "The US-mediated negotiations between {a} and {b} will resume next month.",
    "{x} agreed in principle to admit {a} as a full member from 1 January.",
    "{a} has no plans to join {x}, its prime minister told reporters.",
]
FILLER = [
    "Markets in the capital were calm as traders waited for new figures on inflation and growth.",
    "The announcement came after weeks of speculation in local newspapers and on social media.",
    "Analysts said the decision reflected a broader shift in the region's economic priorities.",
    "Opposition politicians criticised the government for failing to consult parliament first.",
    "The ministry added that further details would be published on its website in due course.",
    "Heavy rain disrupted traffic across the north of the country for a third consecutive day.",
    "A spokesman declined to comment on reports that the talks had stalled over the weekend.",
    "Exports of grain and fertiliser rose sharply in the last quarter, the statistics office said.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def make_article(rng: random.Random, words: int) -> str:
    parts: list[str] = []
    count = 0
    while count < words:
        if rng.random() < 0.4:
            a, b, c, d = rng.sample(COUNTRIES, 4)
            line = rng.choice(DIPLOMATIC).format(
                a=a, b=b, c=c, d=d, x=rng.choice(BLOCS), day=rng.choice(DAYS), year=rng.randint(1990, 2024)
            )
            line = line[0].upper() + line[1:]
        else:
            line = rng.choice(FILLER)
        parts.append(line)
        count += len(line.split())
        if rng.random() < 0.2:
            parts.append("\n\n")
    return " ".join(parts).replace(" \n\n ", "\n\n")


def reference_pass(texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        for sentence in split_sentences(text):
            tokenize(sentence.text)
    return time.process_time() - started


def extract_pass(docs: list[Document]) -> tuple[float, int]:
    started = time.process_time()
    claims = sum(len(extract_document(doc).claims) for doc in docs)
    return time.process_time() - started, claims


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=3, help="runs of each pass; the fastest counts")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    texts = [make_article(rng, args.words) for _ in range(args.articles)]
    docs = [Document(id=f"bench-{i}", text=t) for i, t in enumerate(texts)]
    extract_document(docs[0])  # build the lexicon outside the timing
    ref_s = ext_s = float("inf")
    claims = 0
    for _ in range(max(1, args.repeat)):
        ref_s = min(ref_s, reference_pass(texts))
        took, claims = extract_pass(docs)
        ext_s = min(ext_s, took)
    result = {
        "articles": len(docs),
        "mean_words": round(sum(len(t.split()) for t in texts) / len(texts)),
        "extract_articles_per_s": round(len(docs) / ext_s, 1),
        "reference_articles_per_s": round(len(docs) / ref_s, 1),
        "ratio_reference_over_extract": round(ext_s / ref_s, 2),
        "claims": claims,
        "repeat": max(1, args.repeat),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"articles: {result['articles']} (mean {result['mean_words']} words), claims: {claims}")
        print(f"extract:   {result['extract_articles_per_s']:>8} articles/s")
        print(f"reference: {result['reference_articles_per_s']:>8} articles/s (sentences + tokens only)")
        print(f"extract takes {result['ratio_reference_over_extract']}x the time of the reference pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
