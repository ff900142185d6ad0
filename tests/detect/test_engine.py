"""The detector as a whole: offsets into the original text, pages, chunking, overlaps, config."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest
from presidio_analyzer import RecognizerResult

from redact.detect import Detector
from redact.detect.config import DEFAULT_PATH, load_config
from redact.detect.engine import chunks, resolve_overlaps
from redact.detect.policy import Policy
from redact.document import ENTITY_TYPES, Document, Page
from redact.errors import ConfigInvalid
from redact.settings import Settings

ID = "440106199001011235"
FW_ID = "４４０１０６１９９００１０１１２３５"


def doc_of(*pages: str) -> Document:
    text, spans, pos = "", [], 0
    for i, page in enumerate(pages, 1):
        spans.append(Page(i, pos, pos + len(page)))
        text += page
        pos += len(page)
    return Document(sha256="0" * 64, source="t.txt", format="txt", text=text, pages=tuple(spans))


def test_detect_returns_a_new_document_with_sorted_entities_and_pages(detector):
    doc = doc_of("第一页：手机13800138000。\n", f"第二页：身份证号{ID}，邮箱a.b@example.com")
    out = detector.detect(doc)
    assert doc.entities == ()  # the input is not changed
    assert [(e.type, e.text, e.page) for e in out.entities] == [
        ("PHONE_NUMBER", "13800138000", 1),
        ("CN_RESIDENT_ID", ID, 2),
        ("EMAIL_ADDRESS", "a.b@example.com", 2),
    ]
    assert all(out.text[e.start : e.end] == e.text for e in out.entities)


def test_full_width_input_maps_back_to_the_original_characters(detector):
    text = f"身份證號碼：{FW_ID}，電話：１３８ ００１３ ８０００"
    found = {e.type: e for e in detector.analyze_text(text)}
    assert found["CN_RESIDENT_ID"].text == FW_ID
    assert found["PHONE_NUMBER"].text == "１３８ ００１３ ８０００"
    assert all(text[e.start : e.end] == e.text for e in found.values())


def test_astral_characters_keep_code_point_offsets(detector):
    text = f"当事人𠀋𠀌，身份证{ID}"
    (e,) = detector.analyze_text(text)
    assert (e.start, e.end) == (9, 27) and text[e.start : e.end] == ID


@pytest.mark.parametrize(
    "size, overlap, length", [(1000, 100, 5000), (1000, 400, 1000), (20000, 400, 123457)]
)
def test_chunk_ownership_ranges_tile_the_text(size, overlap, length):
    windows = list(chunks(0, length, size, overlap))
    owned = [(own_lo, own_hi) for _, _, own_lo, own_hi in windows]
    assert owned[0][0] == 0 and owned[-1][1] == length
    assert all(a[1] == b[0] for a, b in itertools.pairwise(owned))
    assert all(lo <= own_lo and own_hi <= hi and hi - lo <= size for lo, hi, own_lo, own_hi in windows)


def test_long_document_is_chunked_and_every_id_found_once_at_its_offset():
    config = load_config()
    config = config.model_copy(
        update={"engine": config.engine.model_copy(update={"chunk_chars": 1000, "chunk_overlap": 100})}
    )
    small = Detector(Settings(), config, Policy.load())
    filler = "根据有关规定，现将情况通报如下。"
    parts, expected, pos = [], [], 0
    for i in range(120):  # ids land before, across and after every window edge
        pad = filler * (3 + i % 5) + "x" * (i % 17)
        parts.append(pad + "身份证" + ID)
        pos += len(pad) + 3
        expected.append(pos)
        pos += len(ID)
    text = "".join(parts)
    assert len(text) > 10 * 1000
    found = [e for e in small.analyze_text(text) if e.type == "CN_RESIDENT_ID"]
    assert [e.start for e in found] == expected
    assert all(e.text == ID for e in found)


def _result(entity_type: str, start: int, end: int, score: float, name: str = "R") -> RecognizerResult:
    return RecognizerResult(
        entity_type,
        start,
        end,
        score,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: name,
        },
    )


def test_overlaps_prefer_higher_score_then_longer_span_and_merge_identical_spans():
    kept = resolve_overlaps(
        [
            _result("BANK_CARD", 0, 18, 0.7),
            _result("CN_RESIDENT_ID", 0, 18, 0.85),  # same span, higher score wins
            _result("PHONE_NUMBER", 20, 31, 0.6, "A"),
            _result("PHONE_NUMBER", 20, 31, 0.6, "B"),  # identical span from a second recognizer → one
            _result("PASSPORT", 40, 49, 0.75),
            _result("TRAVEL_PERMIT", 40, 50, 0.75),  # same score, longer wins
            _result("SOCIAL_ACCOUNT", 60, 68, 0.8),
        ]
    )
    assert [(r.entity_type, r.start, r.end) for r in kept] == [
        ("CN_RESIDENT_ID", 0, 18),
        ("PHONE_NUMBER", 20, 31),
        ("TRAVEL_PERMIT", 40, 50),
        ("SOCIAL_ACCOUNT", 60, 68),
    ]


def test_every_contract_entity_type_has_a_recognizer_entry():
    covered = {t for entry in load_config().recognizers for t in entry.entities}
    assert covered == set(ENTITY_TYPES)


def test_every_recognizer_entry_has_a_test_file():
    here = Path(__file__).parent
    for entry in load_config().recognizers:
        module = entry.class_path.split(".")[-2]
        assert (here / f"test_{module}.py").is_file(), f"missing tests/detect/test_{module}.py"


def test_context_words_are_listed_in_both_scripts():
    for entry in load_config().recognizers:
        if entry.context is not None:
            assert entry.context.simplified and entry.context.traditional, entry.name


@pytest.mark.parametrize(
    "mutate, message",
    [
        (
            lambda s: s.replace(
                "  - name: EmailRecognizer\n", "  - name: EmailRecognizer\n    colour: red\n"
            ),
            "recognizer 'EmailRecognizer' field colour",
        ),
        (
            lambda s: s.replace("entities: [BANK_CARD]", "entities: [CREDIT_CARD]"),
            "recognizer 'BankCardRecognizer' field entities",
        ),
        (lambda s: s.replace("score_threshold: 0.5", "score_threshold: 5"), "field engine.score_threshold"),
    ],
)
def test_a_bad_recognizer_file_names_the_entry(tmp_path, mutate, message):
    bad = tmp_path / "recognizers.yaml"
    bad.write_text(mutate(DEFAULT_PATH.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ConfigInvalid) as err:
        load_config(bad)
    assert message in str(err.value)


def test_an_unimportable_recognizer_class_is_a_config_error():
    config = load_config()
    entry = config.recognizers[0].model_copy(update={"class_path": "redact.detect.recognizers.nope.Nope"})
    config = config.model_copy(update={"recognizers": [entry]})
    with pytest.raises(ConfigInvalid, match="cannot import"):
        Detector(Settings(), config, Policy.load())


def test_the_detector_runs_only_our_zh_recognizers(detector):
    names = set(detector.recognizer_names)
    enabled = {e.name for e in load_config().recognizers if e.enabled}
    assert names == enabled
    assert detector.analyzer.supported_languages == ["zh"]


def test_entities_are_frozen_dataclasses(detector):
    (e,) = detector.analyze_text(f"身份证{ID}")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.action = "keep"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("身份证号码：3501021985\n0312123X，住", ("CN_RESIDENT_ID", "3501021985\n0312123X")),
        ("联系电话：138-0013-\n8000。", ("PHONE_NUMBER", "138-0013-\n8000")),
        ("卡号6222020200\n000000006", ("BANK_CARD", "6222020200\n000000006")),
    ],
)
def test_numbers_broken_by_a_pdf_line_wrap_are_found_whole(detector, text, expected):
    assert [(e.type, e.text) for e in detector.analyze_text(text)] == [expected]


def test_numbers_on_consecutive_lines_are_not_joined(detector):
    assert detector.analyze_text("表1\n2019年\n2020年 12\n34\n第5\n6条") == []


def test_the_detector_builds_and_runs_with_the_network_unavailable(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    offline = Detector(Settings(), load_config(), Policy.load())
    assert [e.type for e in offline.analyze_text(f"联系邮箱lisi@example.com，身份证{ID}")] == [
        "EMAIL_ADDRESS",
        "CN_RESIDENT_ID",
    ]


def test_a_table_column_header_is_context_for_its_cells(detector):
    table = "序号\t姓名\t护照号码\t出生日期\n1\t甲\tE12345678\t1985-03-12\n2\t乙\tG87654321\t1990年1月2日\n"
    found = [(e.type, e.text) for e in detector.analyze_text(table) if e.type != "PERSON"]
    assert found == [
        ("PASSPORT", "E12345678"),
        ("DATE_OF_BIRTH", "1985-03-12"),
        ("PASSPORT", "G87654321"),
        ("DATE_OF_BIRTH", "1990年1月2日"),
    ]
    # the same values under other headers are not personal data
    other = "序号\t批次\t日期\n1\tE12345678\t1985-03-12\n"
    assert detector.analyze_text(other) == []


def test_tokenize_true_runs_the_blank_spacy_pipeline_and_finds_the_same(detector):
    config = load_config()
    config = config.model_copy(update={"engine": config.engine.model_copy(update={"tokenize": True})})
    tokenizing = Detector(Settings(), config, Policy.load())
    text = f"申请人身份证号码：{ID}，联系电话：138-0013-8000，邮箱a.b@example.com"
    assert tokenizing.analyze_text(text) == detector.analyze_text(text)


def test_trim_removes_swallowed_labels_from_the_start_only():
    from redact.detect.engine import trim

    text = "戶籍地址高雄市苓雅區博愛路四段199巷102號15樓。住址：福州市"
    prefixes = ("戶籍地址", "住址", "址", "：")
    r = trim(_result("ADDRESS", 0, text.index("。"), 0.9), text, prefixes)
    assert text[r.start : r.end] == "高雄市苓雅區博愛路四段199巷102號15樓"
    second = text.index("住址")
    r = trim(_result("ADDRESS", second, len(text), 0.9), text, prefixes)
    assert text[r.start : r.end] == "福州市"
    r = trim(_result("ADDRESS", second, second + 2, 0.9), text, prefixes)  # never trimmed to nothing
    assert r.end > r.start
