"""Queue page speed with a full review store: 10,000 documents, median over ≥ 20 logged-in requests.

Run: ``.venv/bin/python bench/review.py [--docs 10000] [--requests 30] [--postgres]`` → prints a
summary and writes ``bench/results/review.json``. Target (issue 6): queue page < 200 ms (median).
The store is filled through ``Store.add_document`` (the flows' own path), each document with four
suggested entities. Wall and CPU time are both reported because the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from fastapi.testclient import TestClient  # noqa: E402

from redact.review.fixtures import example_document  # noqa: E402
from redact.review.store import Store  # noqa: E402
from redact.settings import Settings  # noqa: E402
from redact.web import create_app  # noqa: E402

RESULT = ROOT / "bench" / "results" / "review.json"
TARGET_MS = 200.0
LABELS = ("public", "on_request", "non_public")


def fill(store: Store, n: int) -> float:
    t0 = time.perf_counter()
    start = datetime.now(UTC) - timedelta(days=60)
    for i in range(n):
        doc = example_document(i, label=LABELS[i % 3], source=f"doc-{i:05d}.txt")
        store.add_document(doc, stored_path=f"/store/{i}.txt", original_name=doc.source,
                           received_at=start + timedelta(minutes=5 * i))
    return time.perf_counter() - t0


def timed(client: TestClient, path: str, requests: int) -> dict[str, Any]:
    client.get(path)  # warm-up (template compilation, caches)
    wall, cpu = [], []
    for _ in range(requests):
        w, c = time.perf_counter(), time.process_time()
        r = client.get(path)
        wall.append((time.perf_counter() - w) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        assert r.status_code == 200 and r.url.path == path.split("?")[0], (r.status_code, r.url)
    return {
        "path": path,
        "requests": requests,
        "median_ms": round(statistics.median(wall), 1),
        "p95_ms": round(sorted(wall)[int(0.95 * (len(wall) - 1))], 1),
        "median_cpu_ms": round(statistics.median(cpu), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--postgres", action="store_true", help="Use PostgreSQL at 127.0.0.1:5432/test.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        cleanup: Callable[[], None] = lambda: None  # noqa: E731
        if args.postgres:
            import psycopg

            schema = f"bench_{uuid.uuid4().hex[:8]}"
            dsn = "host=127.0.0.1 dbname=test user=postgres"
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute(f"CREATE SCHEMA {schema}")
            store = Store(f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}")

            def cleanup() -> None:
                store.close()
                with psycopg.connect(dsn, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA {schema} CASCADE")
        else:
            store = Store(f"sqlite:///{Path(tmp) / 'review.db'}")
        try:
            store.migrate()
            store.add_user("bench", "bench-password", "reviewer")
            fill_s = fill(store, args.docs)
            client = TestClient(create_app(Settings(home=Path(tmp), secret_key="bench"), store))
            token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
            client.post("/login", data={"csrf_token": token, "username": "bench", "password": "bench-password"})
            some = store.queue(limit=1, offset=args.docs // 2)[0].sha256
            pages = [
                timed(client, "/queue", args.requests),
                timed(client, "/queue?status=in_review&label=non_public&type=PERSON", args.requests),
                timed(client, f"/queue?page={args.docs // 100}", args.requests),
                timed(client, f"/doc/{some}", args.requests),
            ]
        finally:
            cleanup()

    result = {
        "benchmark": "review queue page (TestClient, logged in)",
        "database": "postgresql" if args.postgres else "sqlite",
        "documents": args.docs,
        "entities_per_document": 4,
        "fill_seconds": round(fill_s, 1),
        "target_ms": TARGET_MS,
        "queue_median_ms": pages[0]["median_ms"],
        "meets_target": pages[0]["median_ms"] < TARGET_MS,
        "pages": pages,
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    out = RESULT if not args.postgres else RESULT.with_name("review_postgres.json")
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    for p in pages:
        print(f"{p['path'][:60]:60s} median {p['median_ms']:7.1f} ms  p95 {p['p95_ms']:7.1f} ms")
    print(f"filled {args.docs} documents in {fill_s:.1f}s; queue median {pages[0]['median_ms']} ms "
          f"(target < {TARGET_MS:.0f} ms) → {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
