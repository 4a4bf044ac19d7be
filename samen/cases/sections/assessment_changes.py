"""What changed between two assessments, per domain, as words kept, removed and added."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from samen.cases.models import DOMAINS, Assessment


@dataclass(frozen=True)
class Piece:
    kind: str  # "same", "removed" or "added"
    text: str


@dataclass(frozen=True)
class DomainChange:
    name: str
    label: str
    text: str
    changed: bool
    pieces: list[Piece]


def _words(text: str) -> list[str]:
    # Keep the whitespace with each word so the pieces join back into the original text.
    return re.findall(r"\S+\s*", text)


def word_diff(before: str, after: str) -> list[Piece]:
    """The words of `after` against `before`: kept, removed and added runs, in reading order."""
    old, new = _words(before), _words(after)
    pieces: list[Piece] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", "".join(new[j1:j2])))
            continue
        if op in ("replace", "delete"):
            pieces.append(Piece("removed", "".join(old[i1:i2])))
        if op in ("replace", "insert"):
            pieces.append(Piece("added", "".join(new[j1:j2])))
    return pieces


def changes(current: Assessment, previous: Assessment | None) -> list[DomainChange]:
    """Each domain of `current`, with its change since `previous` (none for the first one)."""
    result = []
    for name, label in DOMAINS:
        text = getattr(current, name)
        before = getattr(previous, name) if previous is not None else None
        changed = before is not None and before != text
        result.append(
            DomainChange(
                name=name,
                label=str(label),
                text=text,
                changed=changed,
                pieces=word_diff(before, text) if changed else [],
            )
        )
    return result


def with_changes(assessments: list[Assessment]) -> list[tuple[Assessment, list[DomainChange]]]:
    """Newest first, each assessment with what changed since the one before it."""
    ordered = sorted(assessments, key=lambda a: (a.assessed_on, a.signed_at, a.pk))
    paired = [(a, changes(a, ordered[i - 1] if i else None)) for i, a in enumerate(ordered)]
    return list(reversed(paired))
