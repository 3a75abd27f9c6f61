#!/usr/bin/env python3
"""Score the extractor on a folder in the devset layout and print the shared scorer's report.

    scripts/evaluate.py DIR [--errors] [--json] [--scorer PATH]

DIR holds ``docs.jsonl`` + ``gold.jsonl`` (the devset layout), or one ``*.gold.jsonl`` per article
next to the article file (``NAME.txt`` / ``NAME.json`` / ...), as in ``../shared/seeds`` and
``tests/ingest/cases``. The extraction runs in-process through the same code as
``diplograph extract --format jsonl``; the scoring is ``../shared/eval/score.py``, unchanged.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.errors import UnreadableInput  # noqa: E402
from graph.ingest.load import load_path  # noqa: E402
from graph.ingest.pipeline import extract_document  # noqa: E402

DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def _inputs(folder: Path) -> tuple[list[Path], list[Path]]:
    """(article files, gold files) of a folder in either layout."""
    if (folder / "docs.jsonl").exists():
        return [folder / "docs.jsonl"], [folder / "gold.jsonl"]
    golds = sorted(folder.rglob("*.gold.jsonl"))
    docs = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not p.name.endswith(".gold.jsonl")
        and p.suffix in {".txt", ".json", ".jsonl", ".html", ".htm", ".xml", ".rss", ".atom"}
    )
    return docs, golds


def _predict(docs: list[Path], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for path in docs:
            try:
                for doc in load_path(path):
                    row = extract_document(doc).to_json()
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            except UnreadableInput as exc:
                print(f"error: {exc}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--keep", type=Path, help="also write the predictions to this file")
    args = ap.parse_args()
    docs, golds = _inputs(args.folder)
    if not golds:
        print(f"error: no gold annotations in {args.folder}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        pred, gold = Path(tmp) / "pred.jsonl", Path(tmp) / "gold.jsonl"
        gold.write_text(
            "".join(g.read_text(encoding="utf-8").rstrip("\n") + "\n" for g in golds), encoding="utf-8"
        )
        _predict(docs, pred)
        if args.keep:
            args.keep.write_text(pred.read_text(encoding="utf-8"), encoding="utf-8")
        cmd = [sys.executable, str(args.scorer), str(gold), str(pred)]
        cmd += ["--errors"] if args.errors else []
        cmd += ["--json"] if args.json else []
        return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
