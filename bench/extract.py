"""Extraction speed and memory over the bundled samples, repeated to at least 200 PDF pages.

Run: ``.venv/bin/python bench/extract.py [--pages 200]`` → prints a summary, writes
``bench/results/extract.json``. Target (issue 2): ≥ 20 pages/s on one core for text PDFs.
Besides the samples (sparse 公文 pages) it measures synthetic dense pages (~1,500 CJK chars/page)
and the pdfplumber reference reader, so the fast path's margin is visible. CPU seconds
(``time.process_time``) are reported next to wall seconds because the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from redact.extract import extract  # noqa: E402
from redact.extract.pdf import extract_pdf  # noqa: E402

SAMPLES = ROOT / "samples" / "intake"
RESULT = ROOT / "bench" / "results" / "extract.json"
TARGET_PAGES_PER_S = 20.0


def measure(files: list[Path], min_pages: int, read: Callable[[Path], Any]) -> dict[str, Any]:
    """Extract ``files`` round-robin until ``min_pages`` pages (and one full pass) are done."""
    pages = docs = chars = 0
    wall, cpu = time.perf_counter(), time.process_time()
    while pages < min_pages or docs < len(files):
        doc = read(files[docs % len(files)])
        pages += len(doc.pages)
        chars += len(doc.text)
        docs += 1
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {
        "files": len(files),
        "documents": docs,
        "pages": pages,
        "chars": chars,
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "pages_per_s": round(pages / wall, 1),
        "pages_per_cpu_s": round(pages / cpu, 1),
        "ms_per_page": round(1000 * wall / pages, 2),
        "docs_per_s": round(docs / wall, 1),
    }


def dense_pdf(path: Path, pages: int = 10) -> Path:
    """A dense CJK PDF (embedded TrueType, 40 lines × 38 characters per page)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", subfontIndex=0))
    line = "本局执法人员依法对当事人经营的副食店进行监督检查发现货架上摆放的食品已超过保质期共计"[:38]
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for _ in range(pages):
        c.setFont("WQY", 12)
        for i in range(40):
            c.drawString(50, 800 - i * 19, line)
        c.showPage()
    c.save()
    return path


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200, help="minimum PDF pages per measurement")
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args()

    by_format = {s: sorted(SAMPLES.glob(f"*{s}")) for s in (".pdf", ".docx", ".txt")}
    if not by_format[".pdf"]:
        sys.exit(f"no sample PDFs in {SAMPLES}")
    rss_start = peak_rss_mb()
    for files in by_format.values():  # warm-up: imports, OpenCC, jieba frequencies, font caches
        for f in files:
            extract(f)
    results: dict[str, Any] = {
        "samples_pdf": measure(by_format[".pdf"], args.pages, extract),
        "samples_docx": measure(by_format[".docx"], 0, extract) if by_format[".docx"] else None,
        "samples_txt": measure(by_format[".txt"], 0, extract) if by_format[".txt"] else None,
        "samples_pdf_pdfplumber": measure(
            by_format[".pdf"], max(20, args.pages // 10), lambda p: extract_pdf(p, engine="pdfplumber")
        ),
    }
    with tempfile.TemporaryDirectory() as tmp:
        dense = dense_pdf(Path(tmp) / "dense.pdf")
        results["dense_pdf"] = measure([dense], args.pages, extract)
        results["dense_pdf_pdfplumber"] = measure([dense], 20, lambda p: extract_pdf(p, engine="pdfplumber"))
    # one core: CPU seconds of this single-threaded process (wall time also counts other users' load)
    worst = min(results["samples_pdf"]["pages_per_cpu_s"], results["dense_pdf"]["pages_per_cpu_s"])
    report = {
        "benchmark": "extract",
        "command": "python bench/extract.py",
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "single_process": True,
        "target_pages_per_s": TARGET_PAGES_PER_S,
        "pages_per_cpu_s_worst": worst,
        "meets_target": worst >= TARGET_PAGES_PER_S,
        "peak_rss_mb": peak_rss_mb(),
        "rss_before_mb": rss_start,
        **results,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for name, r in results.items():
        if r:
            print(
                f"{name:24} {r['pages']:5} pages  {r['pages_per_cpu_s']:8.1f} pages/CPU-s"
                f"  {r['pages_per_s']:8.1f} pages/s wall  {r['ms_per_page']:7.2f} ms/page wall"
            )
    print(
        f"peak RSS {report['peak_rss_mb']} MB; slowest {worst} pages per CPU-second;"
        f" target {TARGET_PAGES_PER_S} met: {report['meets_target']}"
    )
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
