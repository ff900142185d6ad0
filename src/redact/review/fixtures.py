"""Hand-built example documents for tests, the queue benchmark and UI demos (no detector involved).

Offsets are found with ``str.find`` in the literal text, so ``text[start:end] == entity.text`` holds.
"""

from __future__ import annotations

import hashlib

from redact.document import Attribute, Document, Entity, Page, Reason

_TEMPLATE = (
    "榕江市市场监督管理局\n行政处罚决定书\n榕市监罚〔2019〕{n}号\n"
    "当事人：{name}，身份证号码：{rid}，联系电话：{phone}，住址：{addr}。\n"
    "经查，当事人于2019年3月在其经营场所销售过期食品，违反了《中华人民共和国食品安全法》第三十四条的规定。\n"
    "本局决定对当事人作出如下行政处罚：罚款人民币五千元。\n{extra}"
    "如不服本处罚决定，可在收到本决定书之日起六十日内申请行政复议。\n"
    "2019年5月15日\n"
)

_PEOPLE = (
    ("张伟", "350128199001011234", "13812345678", "榕江市古榕街道西航路88号"),
    ("李娜", "350128198506152345", "13998765432", "榕江市江口镇东庠村12号"),
    ("王芳", "350128197712303456", "15011112222", "榕江市流水镇北港村6号"),
)


def example_document(n: int = 1, *, extra: str = "", label: str = "public", source: str | None = None) -> Document:
    """A 行政处罚决定书 with a person, a resident ID, a phone number and an address to review."""
    name, rid, phone, addr = _PEOPLE[n % len(_PEOPLE)]
    text = _TEMPLATE.format(n=n, name=name, rid=rid, phone=phone, addr=addr, extra=extra)
    spans = [
        ("PERSON", name, "PersonNerRecognizer", 0.85),
        ("CN_RESIDENT_ID", rid, "CnResidentIdRecognizer", 0.99),
        ("PHONE_NUMBER", phone, "CnPhoneRecognizer", 0.95),
        ("ADDRESS", addr, "CnAddressRecognizer", 0.7),
    ]
    entities = []
    for etype, value, recognizer, score in spans:
        start = text.find(value)
        entities.append(Entity(type=etype, start=start, end=start + len(value), text=value, score=score,
                               recognizer=recognizer, page=1))
    evidence = "行政处罚决定书"
    ev_start = text.find(evidence)
    reason = Reason(code="S20-6", basis="《政府信息公开条例》第二十条第（六）项", evidence=evidence,
                    start=ev_start, end=ev_start + len(evidence), label="public", rule="S20-6")
    if label == "non_public":
        reason = Reason(code="S16-2-ENFORCEMENT-FILE", basis="《政府信息公开条例》第十六条第二款",
                        evidence=evidence, start=ev_start, end=ev_start + len(evidence), label="non_public",
                        rule="R9")
    attribute = Attribute(label=label, confidence=0.9, doc_type="行政处罚决定书", declared=None, conflict=False,
                          reasons=(reason,), category="行政处罚", needs_redaction=True)
    sha = hashlib.sha256(f"{n}|{label}|{extra}".encode()).hexdigest()
    return Document(sha256=sha, source=source or f"penalty-{n:05d}.txt", format="txt", text=text,
                    pages=(Page(1, 0, len(text)),), entities=tuple(entities), attribute=attribute)
