"""Operations: ``redact init``, ``run``, ``serve``, ``settings``, ``report`` and ``demo``.

The flows live in the top-level ``flows/`` package (they import Prefect; nothing under
``src/redact`` does), so these commands configure Prefect's environment first and then import them.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from redact.document import LABEL_ZH
from redact.settings import PROJECT_ROOT, Settings

console = Console()
if not console.is_terminal:  # piped or captured: keep the queue table readable
    console.width = 140
HOME_OPTION = typer.Option(None, "--home", help="Data folder (default: REDACT_HOME or ./var).")


def _settings(home: Path | None, **overrides: Any) -> Settings:
    return Settings(home=home, **overrides) if home else Settings(**overrides)


def _flows(settings: Settings) -> Any:
    """Configure Prefect's local mode for ``settings`` and import the flows package."""
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    import flows.runtime

    flows.runtime.configure_prefect(settings)
    return flows.runtime


@contextmanager
def _progress() -> Iterator[Callable[[str, int], Callable[[int], None]]]:
    """Rich progress bars for the batches a flow runs in this process."""
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as bars:

        def factory(description: str, total: int) -> Callable[[int], None]:
            task_id = bars.add_task(description, total=total)
            return lambda n: bars.advance(task_id, n)

        yield factory


def init_home(settings: Settings) -> None:
    """Create the folders and migrate the review database."""
    from redact.review.store import Store

    settings.ensure_dirs()
    Store.from_settings(settings).migrate()


def run_once(settings: Settings, *, publish: bool = True) -> tuple[Any, Any]:
    """One intake sweep (and publication) now, in Prefect's local mode; returns the summaries."""
    runtime = _flows(settings)
    from flows.intake import intake_sweep_flow

    home = str(settings.home)
    with _progress() as factory, runtime.progress_bars(factory):
        sweep = intake_sweep_flow(home=home)
        published = None
        if publish:
            from flows.publish import publish_approved_flow

            published = publish_approved_flow(home=home)
    return sweep, published


def queue_table(rows: list[Any]) -> Table:
    """The review queue as operators see it: sha prefix, format, script, pages, chars, suggestion, entity counts."""
    table = Table(title="审核队列 review queue", show_lines=False)
    for col in ("sha256", "format", "script", "pages", "chars", "suggested attribute", "entities to redact"):
        table.add_column(col, justify="right" if col in ("pages", "chars") else "left")
    for r in rows:
        label = f"{LABEL_ZH.get(r.label, '—')} {r.label or ''} {r.confidence:.2f}" if r.label else "—"
        entities = ", ".join(f"{t} {n}" for t, n in r.entities.items()) or "—"
        table.add_row(r.sha256[:12], r.format, r.script, str(r.pages), str(r.chars), label, entities)
    return table


def _print_sweep(summary: Any) -> None:
    if summary.skipped:
        console.print("another sweep is running on this store: nothing done (run again when it has finished)")
        return
    status = summary.by_status
    console.print(
        f"picked up {status['picked_up']}, analyzed {status['analyzed']}, quarantined {status['quarantined']}, "
        f"duplicates {status['duplicate']}, still being written {status['still_writing']} "
        f"({summary.pages} pages in {summary.seconds:.1f} s)"
    )


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init_cmd(home: Path | None = HOME_OPTION) -> None:
        """Create the intake/store/quarantine/outbox folders and the review database."""
        settings = _settings(home)
        init_home(settings)
        for name in ("intake", "store", "quarantine", "outbox"):
            console.print(f"{name:<11} {getattr(settings, name)}")
        console.print(f"database    {settings.db_url.split('@')[-1]}")

    @app.command("run")
    def run_cmd(
        home: Path | None = HOME_OPTION,
        publish: bool = typer.Option(True, "--publish/--no-publish", help="Also publish approved documents."),
    ) -> None:
        """Run one intake sweep (and publication of approved documents) now, in Prefect's local mode."""
        settings = _settings(home)
        init_home(settings)
        sweep, published = run_once(settings, publish=publish)
        _print_sweep(sweep)
        if published is not None:
            console.print(f"published {len(published.published)}, sent back to review {len(published.sent_back)}")

    @app.command("serve")
    def serve_cmd(home: Path | None = HOME_OPTION) -> None:
        """Serve all flows with the cron schedules from settings (needs `prefect server start`)."""
        settings = _settings(home)
        init_home(settings)
        _flows(settings)
        from flows.deployments import serve_all

        serve_all(settings)

    @app.command("settings")
    def settings_cmd() -> None:
        """List every setting with its environment variable, default and current value."""
        current = Settings()
        table = Table(title="settings (environment REDACT_* or redact.toml)")
        for col in ("setting", "environment", "default", "current", "description"):
            table.add_column(col)
        for name, info in Settings.model_fields.items():
            value = getattr(current, name)
            shown = "********" if name == "secret_key" and value else str(value)
            if name == "database_url" and value and "@" in str(value):
                shown = "…@" + str(value).split("@", 1)[1]  # never print a password
            table.add_row(name, f"REDACT_{name.upper()}", str(info.default), shown, info.description or "")
        console.print(table)

    @app.command("report")
    def report_cmd(
        start: str = typer.Option(..., "--from", help="First day, YYYY-MM-DD."),
        end: str = typer.Option(..., "--to", help="Last day, YYYY-MM-DD."),
        out: Path | None = typer.Option(None, "--out", help="Folder for report.md and report.csv (default: print)."),
        home: Path | None = HOME_OPTION,
    ) -> None:
        """Statistics for a period in the shape of the annual report tables (Markdown and CSV)."""
        from redact.report import render_csv, render_markdown
        from redact.review.store import Store

        try:
            first, last = date.fromisoformat(start), date.fromisoformat(end)
        except ValueError:
            raise typer.BadParameter("dates are YYYY-MM-DD, e.g. --from 2026-01-01 --to 2026-12-31") from None
        settings = _settings(home)
        stats = Store.from_settings(settings).statistics(first, last)
        if out is None:
            console.print(render_markdown(stats), markup=False, highlight=False)
            return
        out.mkdir(parents=True, exist_ok=True)
        (out / "report.md").write_text(render_markdown(stats), encoding="utf-8")
        (out / "report.csv").write_text(render_csv(stats), encoding="utf-8")
        console.print(f"wrote {out / 'report.md'} and {out / 'report.csv'}")

    @app.command("demo")
    def demo_cmd(
        home: Path = typer.Option(Path("var/demo"), "--home", help="A fresh data folder for the demo (emptied first)."),
    ) -> None:
        """Set up a fresh home, copy samples/intake into its intake folder, run one sweep, print the review queue."""
        samples = PROJECT_ROOT / "samples" / "intake"
        if home.exists():  # fresh data; Prefect's own database (home/prefect) is kept: its set-up is slow
            for child in home.iterdir():
                if child.name != "prefect":
                    shutil.rmtree(child) if child.is_dir() else child.unlink()
        settings = _settings(home)
        init_home(settings)
        copied = 0
        for f in sorted(samples.glob("*")) if samples.is_dir() else []:
            if f.is_file():
                shutil.copy2(f, settings.intake / f.name)
                copied += 1
        console.print(f"copied {copied} sample files into {settings.intake}")
        sweep, _ = run_once(settings, publish=False)
        _print_sweep(sweep)
        console.print(queue_table(sorted(sweep.analyzed, key=lambda r: r.sha256)))
        if sweep.quarantined:
            console.print(f"quarantined (see {settings.quarantine}/*.reason.txt): {sweep.by_error}")
        console.print(
            "\nReview the suggestions (CLI or web):\n"
            f"  redact review list --home {home}\n"
            f"  redact users add reviewer1 --role reviewer --home {home}   (asks for a password)\n"
            f"  redact web --home {home}   → http://{settings.web_host}:{settings.web_port}/\n"
            f"Then publish the approved documents: redact run --home {home}",
            markup=False,
        )
