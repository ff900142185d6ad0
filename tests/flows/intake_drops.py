"""An intake folder with 30 realistic drops: samples, generated documents, corrupt files, a duplicate, temp names."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SAMPLES = ROOT / "samples" / "intake"
EXPECTED = ROOT / "samples" / "expected.json"
_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜"
GIVEN = ("振华", "秀英", "海燕", "建国", "丽娟", "志强", "春梅", "国栋", "晓东", "玉兰", "宏伟", "淑珍")


def resident_id(n: int) -> str:
    """A fictional resident id with a valid GB 11643 check character (born 1960–1999)."""
    body = f"350102{1960 + n % 40}{1 + n % 12:02d}{1 + n % 28:02d}{100 + n:03d}"[:17]
    total = sum(int(d) * w for d, w in zip(body, _RIC_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


@dataclass(frozen=True)
class Varied:
    """A generated penalty decision (TXT) and the personal data it contains."""

    name: str
    text: str
    personal: tuple[str, ...]


def varied_document(n: int) -> Varied:
    person = SURNAMES[n % len(SURNAMES)] + GIVEN[n % len(GIVEN)]
    rid = resident_id(n)
    mobile = f"139{(n * 7919) % 100000000:08d}"
    text = (
        "榕江市市场监督管理局\n行政处罚决定书\n"
        f"榕市监罚〔2025〕{100 + n}号\n\n"
        f"当事人：{person}，公民身份号码：{rid}，联系电话：{mobile}。\n"
        f"经查，当事人于2025年{1 + n % 12}月{1 + n % 27}日在经营场所销售过期食品{n + 3}批次，"
        f"违法所得{1000 + 37 * n}元。依据《中华人民共和国食品安全法》第一百二十四条，"
        f"决定没收违法所得并处罚款{5000 + 100 * n}元。\n\n"
        "榕江市市场监督管理局\n2025年6月18日\n（此件主动公开）\n"
    )
    return Varied(f"decision-{n:03d}.txt", text, (person, rid, mobile))


@dataclass
class IntakeDrop:
    """What was dropped into an intake folder, by kind."""

    good: list[Path] = field(default_factory=list)
    bad: list[Path] = field(default_factory=list)
    duplicate: list[Path] = field(default_factory=list)
    temporary: list[Path] = field(default_factory=list)
    personal: list[str] = field(default_factory=list)  # values that must never reach Prefect


def sample_personal_values() -> list[str]:
    """Every personal datum the bundled samples contain (action redact), from samples/expected.json."""
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    return sorted({e["text"] for s in expected.values() for e in s["entities"] if e["action"] == "redact"})


def fill_intake(intake: Path, total: int = 30) -> IntakeDrop:
    """Samples + generated documents + corrupt files + a duplicate + temporary names: ``total`` files."""
    intake.mkdir(parents=True, exist_ok=True)
    drop = IntakeDrop()
    for f in sorted(SAMPLES.iterdir()):
        shutil.copy2(f, intake / f.name)
        drop.good.append(intake / f.name)
    drop.personal += sample_personal_values()
    # a file whose NAME is personal data: it must not reach Prefect either
    named = intake / "张振华的信息公开申请.txt"
    named.write_text("信息公开申请书\n申请人：张振华，联系电话：13905917788。\n申请公开2024年食品抽检结果。\n", encoding="utf-8")
    drop.good.append(named)
    drop.personal += ["张振华的信息公开申请", "13905917788"]
    bad = {
        "scan-broken.pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%% truncated upload",
        "empty.txt": b"",
        "not-really.docx": b"PK\x03\x04 this is not a zip archive at all",
        "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(64),
    }
    for name, data in bad.items():
        (intake / name).write_bytes(data)
        drop.bad.append(intake / name)
    first = drop.good[0]
    shutil.copy2(first, intake / f"copy of {first.name}")
    drop.duplicate.append(intake / f"copy of {first.name}")
    for name in ("~$draft.docx", "upload.pdf.part"):
        (intake / name).write_bytes(b"partial")
        drop.temporary.append(intake / name)
    n = 0
    while len(drop.good) + len(drop.bad) + len(drop.duplicate) + len(drop.temporary) < total - 1:  # -1: the growing file
        v = varied_document(n)
        (intake / v.name).write_text(v.text, encoding="utf-8")
        drop.good.append(intake / v.name)
        drop.personal += list(v.personal)
        n += 1
    return drop


