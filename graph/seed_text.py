"""The generated evidence sentence of a seed claim: one short, plain statement of the fact."""

from __future__ import annotations

from graph.models import RelationType, Status

_MEMBER = {
    Status.IN_FORCE: "{s} is a member of {o} since {d}",
    Status.ENDED: "{s} ceased to be a member of {o} on {d}",
    Status.ANNOUNCED: "{s} announced it would join {o} on {d}",
    Status.PROPOSED: "{s} was proposed or applied for membership of {o} on {d}",
    Status.DENIED: "{s} is not a member of {o} (as recorded on {d})",
}
_RECOGNIZES = {
    Status.IN_FORCE: "{s} recognizes {o} since {d}",
    Status.ENDED: "{s} ceased to recognize {o} on {d}",
    Status.ANNOUNCED: "{s} announced it would recognize {o} on {d}",
    Status.PROPOSED: "Recognition of {o} by {s} was proposed on {d}",
    Status.DENIED: "{s} does not recognize {o} (as recorded on {d})",
}


def statement(
    subject: str,
    predicate: RelationType,
    obj: str,
    status: Status,
    when: str | None,
    names: dict[str, str],
    source_name: str,
) -> str:
    """E.g. 'Finland is a member of NATO since 2023-04-04 (seed: NATO member countries)'."""
    templates = _RECOGNIZES if predicate is RelationType.RECOGNIZES else _MEMBER
    text = templates[status].format(
        s=names.get(subject, subject), o=names.get(obj, obj), d=when or "an unrecorded date"
    )
    return f"{text} (seed: {source_name})"
