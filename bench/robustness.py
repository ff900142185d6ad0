"""Both contract commands on the real-world matrix: per-file outcome and seconds.

Builds the files of ``tests/robustness/realworld.py`` (LibreOffice, qpdf, pdftocairo, scans,
TXT encodings, refused formats) in a temporary folder and runs, per file, as the evaluation does:
``redact analyze FILE --json`` and ``redact redact FILE -o OUT --json`` (subprocesses with a
timeout; the seconds include the CLI's start-up and model loading). Records the exit codes, the
error code, traceback presence, the entities marked ``redact``, the rasterized pages, and for
every written copy an independent re-check (``redact.extract`` + substring search for each
removed value).

    .venv/bin/python bench/robustness.py   →  bench/results/robustness.json
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# bench/redact.py would shadow the package: keep this folder off sys.path so ``import redact`` works
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

from realworld import build_matrix  # noqa: E402

from redact.extract import extract  # noqa: E402

REDACT = str(Path(sys.executable).with_name("redact"))
TIMEOUT = 300
_SPACE = re.compile(r"\s+")


def _timed(*args: str | Path) -> tuple[subprocess.CompletedProcess | None, float]:
    started = time.perf_counter()
    try:
        proc = subprocess.run([REDACT, *map(str, args)], capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        proc = None
    return proc, round(time.perf_counter() - started, 2)


def _line(proc: subprocess.CompletedProcess | None) -> dict:
    if proc is None:
        return {}
    lines = proc.stdout.splitlines()
    return json.loads(lines[0]) if len(lines) == 1 else {"lines": len(lines)}


def run_case(case, out_dir: Path) -> dict:
    row: dict = {"file": case.name, "note": case.note, "expected_analyze_exit": sorted(case.expect)}
    proc, seconds = _timed("analyze", case.path, "--json")
    line = _line(proc)
    values = {e["text"] for e in line.get("entities", []) if e["action"] == "redact"}
    row["analyze"] = {
        "exit": None if proc is None else proc.returncode,
        "seconds": seconds,
        "traceback": bool(proc and "Traceback" in proc.stderr),
        "error_code": line.get("code"),
        "pages": line.get("pages"),
        "chars": line.get("chars"),
        "redact_entities": sum(1 for e in line.get("entities", []) if e["action"] == "redact"),
        "attribute": (line.get("attribute") or {}).get("label"),
    }
    out = out_dir / case.name
    proc, seconds = _timed("redact", case.path, "-o", out, "--json")
    result = _line(proc)
    leaked = None
    if proc is not None and proc.returncode == 0 and out.exists():
        compact = _SPACE.sub("", extract(out).text)
        leaked = sum(1 for v in values if len(_SPACE.sub("", v)) >= 2 and _SPACE.sub("", v) in compact)
    row["redact"] = {
        "exit": None if proc is None else proc.returncode,
        "seconds": seconds,
        "traceback": bool(proc and "Traceback" in proc.stderr),
        "error_code": result.get("code"),
        "redacted": result.get("redacted"),
        "propagated": result.get("propagated"),
        "rasterized_pages": len(result.get("rasterized_pages", [])),
        "leak_check": result.get("leak_check"),
        "values_reextracted": leaked,
    }
    analyze_ok = row["analyze"]["exit"] in case.expect and not row["analyze"]["traceback"]
    redact_ok = row["redact"]["exit"] in case.expect and not row["redact"]["traceback"] and not leaked
    row["ok"] = analyze_ok and redact_ok
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "robustness.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        cases = build_matrix(Path(tmp) / "in")
        build_seconds = round(time.perf_counter() - started, 1)
        out_dir = Path(tmp) / "out"
        out_dir.mkdir()
        rows = []
        for case in cases:
            rows.append(run_case(case, out_dir))
            print(f"{case.name:34s} {'ok' if rows[-1]['ok'] else 'FAIL'}", file=sys.stderr)
    results = {
        "files": len(rows),
        "ok": sum(r["ok"] for r in rows),
        "tracebacks": sum(r["analyze"]["traceback"] or r["redact"]["traceback"] for r in rows),
        "timeouts": sum(r["analyze"]["exit"] is None or r["redact"]["exit"] is None for r in rows),
        "build_seconds": build_seconds,
        "cases": rows,
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{results['ok']}/{results['files']} files ok; written {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
