"""``redact redact PATH -o OUT [--json]``: a truly redacted, leak-gated copy (shared/docs/contract.md).

The batch "trust the suggestions" path: extract and detect through ``Pipeline(settings)`` (the
same entities as ``redact analyze``; the attribute suggestion is not needed to redact, so the
classifier is not loaded) and remove every entity whose ``action`` is ``redact`` through
``redact.publish.redact_file`` — the same call the publish flow makes. Exit 0 written, 2 unreadable input, 3 leak gate failed (nothing written).
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from redact.cli.common import EXIT_BAD_INPUT, EXIT_LEAK, EXIT_OK, error_record, fail_line
from redact.errors import BadInput, LeakGateFailed, RedactError, RedactionFailed
from redact.pipeline import Pipeline
from redact.publish import redact_file
from redact.settings import Settings


def register(app: typer.Typer) -> None:
    app.command("redact")(redact_command)


def redact_command(
    path: Path = typer.Argument(..., help="One PDF, DOCX or TXT file."),
    output: Path = typer.Option(
        ..., "-o", "--output", help="Where to write the redacted copy (same format)."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Print one JSON object with counts and the gate verdict."
    ),
    masking: str | None = typer.Option(
        None, help="'local' (张某, 138****1234) or 'full' (■); default from settings."
    ),
    encoding: str = typer.Option("utf-8", help="Output encoding of a TXT copy."),
) -> None:
    """Write a truly redacted copy of PATH to OUTPUT; the leak gate must pass before anything is written."""
    settings = Settings()
    policy = masking or settings.masking
    try:
        if output.exists() and path.exists() and output.samefile(path):
            raise BadInput("the output path is the original file", hint="originals are never modified")
        pipeline = Pipeline(settings)
        doc = pipeline.extract(path, source=str(path))  # a refused file fails before the models load
        doc = pipeline.detector.detect(doc)
        entities = [e for e in doc.entities if e.action == "redact"]
        result = redact_file(path, doc, entities, output, masking=policy, txt_encoding=encoding)
    except BadInput as err:
        _fail(path, err, as_json)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    except LeakGateFailed as err:
        _fail(path, err, as_json)
        raise typer.Exit(EXIT_LEAK) from None
    except RedactError as err:  # could not be redacted safely: nothing written, same exit as a gate refusal
        _fail(path, err, as_json)
        raise typer.Exit(EXIT_LEAK) from None
    except Exception as exc:  # the edge of the program: one line, never a traceback, nothing written
        _fail(path, RedactionFailed(f"internal error ({type(exc).__name__}); nothing was written"), as_json)
        raise typer.Exit(EXIT_LEAK) from None
    if as_json:
        typer.echo(json.dumps({"file": str(path), **result.to_dict()}, ensure_ascii=False))
    else:
        types = ", ".join(f"{t} {n}" for t, n in sorted(result.by_type.items())) or "nothing to redact"
        typer.echo(f"{output}: {result.redacted} redacted ({types}); leak check {result.leak_check}")
        for warning in result.warnings:
            typer.echo(f"{path}: warning: {warning}", err=True)
    raise typer.Exit(EXIT_OK)


def _fail(path: Path, err: RedactError, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(error_record(path, err), ensure_ascii=False))
    else:
        typer.echo(fail_line(path, err), err=True)
