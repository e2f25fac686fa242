"""The decree corpus (workgroups/tests/data/decrees*/) and how a reading is scored against a
file's expected fields: scalar fields exact (text compared case- and whitespace-insensitively),
members as (position, name, institution) triples by precision and recall."""

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"
CORPUS = DATA / "decrees"
ALT_CORPUS = DATA / "decrees_alt"
SCALARS = ("number", "date", "title", "issuer", "signatory", "valid_from", "valid_until")


def files(folder=CORPUS, *, scans=None):
    out = []
    for path in sorted(folder.glob("*.pdf")):
        expected = json.loads(path.with_suffix(".json").read_text())
        if scans is None or (expected["text_source"] == "ocr") == scans:
            out.append(path)
    return out


def expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".json").read_text())


def norm(value) -> str | None:
    if value is None:
        return None
    return " ".join(str(value).split()).casefold()


def member_key(member: dict) -> tuple:
    return (norm(member.get("position")), norm(member.get("name")), norm(member.get("institution")))


def score(answer: dict, want: dict) -> dict:
    """Per-field exactness and member precision, recall and F1."""
    fields = {name: norm(answer.get(name)) == norm(want.get(name)) for name in SCALARS}
    got = [member_key(m) for m in answer.get("members", [])]
    wanted = [member_key(m) for m in want["members"]]
    remaining = list(wanted)
    hits = 0
    for key in got:
        if key in remaining:
            remaining.remove(key)
            hits += 1
    precision = hits / len(got) if got else 0.0
    recall = hits / len(wanted) if wanted else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "fields": fields,
        "field_share": sum(fields.values()) / len(fields),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "missed": [k for k in wanted if k in remaining],
        "wrong": [k for k in got if k not in wanted],
    }
