"""The embedded store on disk: reopening keeps everything, and kill -9 never leaves half an article."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from graph.models import RelationType
from graph.store.embedded import EmbeddedStore
from tests.contract.factories import article, claim, seed_entities

WRITER = """
import sys
from datetime import date
from pathlib import Path
from graph.store.embedded import EmbeddedStore
from tests.contract.factories import article, claim, seed_entities
store = EmbeddedStore(Path(sys.argv[1]))
seed_entities(store)
print("ready", flush=True)
i = 0
while True:
    claims = [claim("ARE", "RECOGNIZES", "ISR", sentence=f"s{i}-{k}") for k in range(50)]
    store.add_article(article(f"k{i}", date(2020, 1, 1)), claims)
    i += 1
"""


def test_reopen_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "graph.sqlite"
    store = EmbeddedStore(path)
    seed_entities(store)
    store.add_article(article("a1", date(2020, 9, 15)), [claim("ARE", RelationType.RECOGNIZES, "ISR")])
    before = store.export()
    store.close()
    reopened = EmbeddedStore(path)
    assert reopened.export() == before
    assert reopened.find_relations(as_of=date(2021, 1, 1))[0].subject == "ARE"
    reopened.close()


def test_kill_9_leaves_whole_articles_only(tmp_path: Path) -> None:
    path = tmp_path / "graph.sqlite"
    repo = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    for round_ in range(3):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, env=env, cwd=repo
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(0.3 + 0.2 * round_)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        store = EmbeddedStore(path)
        dump = store.export()
        assert dump.articles, "the writer should have committed some articles"
        for art in dump.articles:
            assert len(store.get_claims(art.id)) == 50, f"article {art.id} is partly stored"
        store.close()


def test_claims_stored_one_row_each_by_earlier_versions_are_read(tmp_path: Path) -> None:
    path = tmp_path / "graph.sqlite"
    store = EmbeddedStore(path)
    seed_entities(store)
    claims = [claim("ARE", RelationType.RECOGNIZES, "ISR"), claim("ARE", RelationType.MEMBER_OF, "oic")]
    stored = store.add_article(article("a1", date(2020, 9, 15)), claims).claims
    before = store.export()
    # Rewrite the article's claims in the earlier layout: one row per claim.
    store._db.execute("DELETE FROM claim_lists")
    store._db.executemany(
        "INSERT INTO claims (article_id, seq, data) VALUES (?, ?, ?)",
        [("a1", i, c.model_dump_json()) for i, c in enumerate(stored)],
    )
    store.close()
    reopened = EmbeddedStore(path)
    assert reopened.export() == before
    assert reopened.get_claims("a1") == stored
    assert reopened._db.execute("SELECT count(*) FROM claims").fetchone() == (0,)
    reopened.close()
    assert EmbeddedStore(path).get_claims("a1") == stored  # moved over for good
