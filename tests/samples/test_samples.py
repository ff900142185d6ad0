"""The bundled samples are reproducible and their expectations (samples/expected.json) are consistent.

Other tests (extraction, detection, classification) assert against expected.json, so these tests
guard the ground truth itself: it must match what the builder writes, character for character.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from stdnum import luhn
from stdnum.cn import ric
from stdnum.cn import uscc as cn_uscc

from redact.document import ENTITY_TYPES
from redact.zh import detect_script

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
EXPECTED = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


builder = _load("build_samples", SAMPLES / "build_samples.py")
ids = _load("ids", SAMPLES / "ids.py")
BY_FILE = {s.file: s for s in builder.SAMPLES()}


def _pdf_text(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("intake")
    builder.build(out)
    return out


def test_rebuilding_gives_identical_txt_and_docx_and_same_text_pdfs(rebuilt):
    committed = sorted(p.name for p in (SAMPLES / "intake").iterdir())
    assert sorted(p.name for p in rebuilt.iterdir()) == committed
    for name in committed:
        old, new = SAMPLES / "intake" / name, rebuilt / name
        if name.endswith(".pdf"):
            assert _pdf_text(old) == _pdf_text(new), name
        else:
            assert old.read_bytes() == new.read_bytes(), name


def test_expected_json_is_what_the_builder_derives():
    assert EXPECTED == {f: builder.expectations(s) for f, s in BY_FILE.items()}


def test_the_sample_set_covers_the_required_mix():
    formats = [x["format"] for x in EXPECTED.values()]
    assert len(EXPECTED) >= 14 and {"pdf", "docx", "txt"} <= set(formats)
    assert sum(x["script"] == "traditional" for x in EXPECTED.values()) * 3 >= len(EXPECTED)
    encodings = {x["encoding"] for x in EXPECTED.values() if x["format"] == "txt"}
    assert {"utf-8", "gb18030", "big5"} <= encodings
    assert any(x["conflict"] for x in EXPECTED.values())
    assert {x["attribute"] for x in EXPECTED.values()} == {"public", "on_request", "non_public"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_expectation_is_in_the_text_the_builder_wrote(name):
    info, text = EXPECTED[name], builder.sample_text(BY_FILE[name])
    assert info["attribute"] in ("public", "on_request", "non_public")
    assert info["declared"] in (None, "public", "on_request", "non_public")
    for ent in info["entities"]:
        assert ent["type"] in ENTITY_TYPES
        assert ent["action"] in ("redact", "keep")
        assert ent["text"] in text, ent["type"]
    for s in info["public_strings"]:
        assert s in text
    if info["format"] == "txt":
        assert (SAMPLES / "intake" / name).read_bytes().decode(info["encoding"]) == text
    assert detect_script(text) == info["script"]


@pytest.mark.parametrize("name", [n for n, x in EXPECTED.items() if x["format"] == "pdf"])
def test_pdf_samples_show_every_expected_string(name):
    text = "".join(_pdf_text(SAMPLES / "intake" / name))
    info = EXPECTED[name]
    for s in [e["text"] for e in info["entities"]] + info["public_strings"]:
        assert s in text


def _resident_id_ok(value: str) -> bool:
    """GB 11643 check char and a real birth date (stdnum's region table is stricter than needed)."""
    return ric.calc_check_digit(value) == value[-1] and bool(ric.get_birth_date(value))


def test_fictional_identifiers_carry_valid_check_digits():
    checks = {"CN_RESIDENT_ID": _resident_id_ok, "CN_USCC": cn_uscc.is_valid,
              "BANK_CARD": lambda v: luhn.is_valid(v.replace(" ", ""))}
    seen = set()
    for info in EXPECTED.values():
        for ent in info["entities"]:
            if ent["type"] in checks:
                seen.add(ent["type"])
                assert checks[ent["type"]](ent["text"]), ent["type"]
    assert seen == set(checks)


def test_hong_kong_and_taiwan_id_helpers_match_published_examples():
    assert ids.hk_id("A", "123456") == "A123456(3)"
    assert ids.tw_id("A", "12345678") == "A123456789"


def test_already_anonymised_names_are_public_strings_not_entities():
    anonymised = {s for x in EXPECTED.values() for s in x["public_strings"] if "某" in s}
    assert {"张某", "李某某"} <= anonymised
    assert not any("某" in e["text"] for x in EXPECTED.values() for e in x["entities"] if e["type"] == "PERSON")


def test_readme_describes_every_sample():
    readme = (SAMPLES / "README.md").read_text(encoding="utf-8")
    missing = [name for name in EXPECTED if f"`{name}`" not in readme]
    assert not missing, f"Missing from samples/README.md: {missing}"
    assert builder.readme_table(EXPECTED) in readme, "README table is stale: run samples/build_samples.py"


# --------------------------------------------------------------------------- the detection dev set

DEVSET_DIR = ROOT / "bench" / "devset" / "detect"
DEVSET = [json.loads(line) for line in (DEVSET_DIR / "devset.jsonl").read_text(encoding="utf-8").splitlines()]


def test_devset_offsets_are_exact_code_point_spans():
    for doc in DEVSET:
        for span in doc["entities"] + doc["public_strings"]:
            assert doc["text"][span["start"]:span["end"]] == span["text"], doc["id"]


def test_devset_is_balanced_and_covers_every_entity_type_in_both_scripts():
    assert len(DEVSET) >= 60
    scripts = [d["script"] for d in DEVSET]
    assert abs(scripts.count("simplified") - scripts.count("traditional")) <= 2
    for script in ("simplified", "traditional"):
        counts = {}
        for d in DEVSET:
            if d["script"] == script:
                for ent in d["entities"]:
                    counts[ent["type"]] = counts.get(ent["type"], 0) + 1
        assert set(counts) == set(ENTITY_TYPES), script
        assert min(counts.values()) >= 5, (script, counts)
    for d in DEVSET:
        assert detect_script(d["text"]) in (d["script"], "mixed"), d["id"]


def test_devset_public_strings_never_overlap_entities():
    for doc in DEVSET:
        for pub in doc["public_strings"]:
            for ent in doc["entities"]:
                assert pub["end"] <= ent["start"] or ent["end"] <= pub["start"], doc["id"]


def test_devset_files_match_their_annotations():
    annotations = json.loads((DEVSET_DIR / "files" / "annotations.json").read_text(encoding="utf-8"))
    assert len(annotations) >= 6 and {n.rsplit(".", 1)[1] for n in annotations} == {"pdf", "docx"}
    by_id = {d["id"]: d for d in DEVSET}
    for name, ann in annotations.items():
        assert [e["text"] for e in ann["entities"]] == [e["text"] for e in by_id[ann["id"]]["entities"]]
        if name.endswith(".pdf"):
            text = "".join(_pdf_text(DEVSET_DIR / "files" / name))
            for s in [e["text"] for e in ann["entities"]] + ann["public_strings"]:
                assert s in text, name


# --------------------------------------------------------------------------- format properties other tests rely on


@pytest.mark.parametrize("name", [n for n, x in EXPECTED.items() if x["format"] == "pdf"])
def test_pdf_samples_embed_their_cjk_truetype_font(name):
    import pikepdf

    embedded = set()
    with pikepdf.open(SAMPLES / "intake" / name) as pdf:
        for page in pdf.pages:
            for font in page.Resources.Font.values():
                if font.Subtype == "/TrueType" and "/FontFile2" in font.FontDescriptor:
                    embedded.add(str(font.BaseFont).split("+")[-1])
    assert "DroidSansFallback" in embedded


def test_docx_request_splits_the_contact_name_across_two_runs_and_has_header_and_table():
    import docx

    doc = docx.Document(str(SAMPLES / "intake" / "request-2024-035.docx"))
    runs = next([r.text for r in p.runs] for p in doc.paragraphs if "王丽娟" in p.text)
    assert any(r.endswith("王丽") for r in runs) and any(r.startswith("娟") for r in runs)
    assert doc.sections[0].header.paragraphs[0].text == "榕江市市场监督管理局"
    assert len(doc.tables) == 1 and doc.tables[0].cell(0, 0).text == "抽检品种"


def test_multi_page_pdf_is_present():
    assert max(len(_pdf_text(SAMPLES / "intake" / n)) for n, x in EXPECTED.items() if x["format"] == "pdf") >= 2
