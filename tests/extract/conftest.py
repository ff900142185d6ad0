"""Fixtures of the extraction tests (the file builders live in ``extract_builders.py``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture
def tmp_file(tmp_path: Path) -> Callable[[str, bytes], Path]:
    """Write ``data`` to a file called ``name`` in a fresh folder."""

    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write
