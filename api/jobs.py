"""Batch jobs: one worker thread per app stores queued articles one by one and keeps the
progress that ``GET /v1/jobs/{id}`` reports. Jobs live in memory (the last ``KEEP``)."""

from __future__ import annotations

import logging
import queue
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from api.ingest import store_article
from api.schemas import Job, JobError
from graph.errors import GraphError, NotFound, StoreUnavailable
from graph.store.base import GraphStore

log = logging.getLogger("diplograph.jobs")
KEEP = 1000


class JobRunner:
    def __init__(self, store: GraphStore, *, on_write: Callable[[], None]) -> None:
        self._store, self._on_write = store, on_write
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._queue: queue.Queue[tuple[str, list[Any]] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="diplograph-jobs", daemon=True)
        self._thread.start()

    def submit(self, rows: list[Any]) -> Job:
        job = Job(id=uuid.uuid4().hex, state="queued", total=len(rows), processed=0, created=0,
                  unchanged=0, failed=0, claims=0, created_at=datetime.now(UTC))
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP:
                self._jobs.popitem(last=False)
        self._queue.put((job.id, rows))
        return job.model_copy()

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                raise NotFound("job", job_id)
            return job.model_copy(deep=True)

    def close(self, timeout: float = 5.0) -> None:
        self._queue.put(None)
        self._thread.join(timeout)

    def _work(self) -> None:
        while (item := self._queue.get()) is not None:
            job_id, rows = item
            try:
                self._run(job_id, rows)
            except Exception:  # never let one job kill the worker
                log.exception("batch job %s failed", job_id)
                self._update(job_id, state="failed", finished_at=datetime.now(UTC))

    def _run(self, job_id: str, rows: list[Any]) -> None:
        self._update(job_id, state="running")
        for index, row in enumerate(rows):
            self._one(job_id, index, row)
        self._update(job_id, state="done", finished_at=datetime.now(UTC))

    def _one(self, job_id: str, index: int, row: Any) -> None:
        try:
            result = store_article(self._store, row)
        except (GraphError, ValueError) as exc:
            if isinstance(exc, StoreUnavailable):
                log.warning("batch job %s: %s", job_id, exc)
            row_id = row.get("id") if isinstance(row, dict) else None
            error = JobError(index=index, id=str(row_id) if row_id else None, detail=str(exc))
            with self._lock:
                job = self._jobs[job_id]
                job.processed += 1
                job.failed += 1
                job.errors.append(error)
            return
        self._on_write()
        with self._lock:
            job = self._jobs[job_id]
            job.processed += 1
            job.claims += len(result.claims)
            if result.created:
                job.created += 1
            else:
                job.unchanged += 1

    def _update(self, job_id: str, **changes: Any) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is not None:
                for key, value in changes.items():
                    setattr(job, key, value)
