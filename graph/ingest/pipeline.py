"""The extraction pipeline, stage by stage:

    load (load.py) -> sentences (sentences.py) -> mentions (mentions.py) -> actors (resolve.py)
    -> raw claims per sentence (relations.py: recognition.py, ties.py, membership.py, negotiation.py;
       with args.py / cues.py / rulebase.py / triggers.py)
    -> dates (dates.py) -> one claim per triple (select.py) -> Extraction

``extract_document`` is the entry point shared by the CLI and the API.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from graph.ingest import cues
from graph.ingest.args import Clause
from graph.ingest.dates import event_date
from graph.ingest.fastre import Scanner, fold, lowered
from graph.ingest.lexicon import Kind, get_lexicon
from graph.ingest.load import Document, document_from_mapping
from graph.ingest.mentions import Mention, described_agreements, find_mentions, later_surnames
from graph.ingest.relations import Raw, clause_claims
from graph.ingest.resolve import Actor, prevailing, resolve
from graph.ingest.rulebase import UNNAMED
from graph.ingest.select import select
from graph.ingest.sentences import Sentence, split_sentences
from graph.models import AGREEMENT_ID, COUNTRY_ID, Article, Claim, Evidence, RelationType, Status

__all__ = ["Extraction", "document_from_mapping", "extract_document", "article_of", "content_hash"]


@dataclass(frozen=True)
class Extraction:
    article: Article
    claims: list[Claim]

    def to_json(self) -> dict[str, Any]:
        """The ``extract`` output row: article metadata and claims (see docs/extract-format.md)."""
        art = self.article
        return {
            "article": {
                "id": art.id,
                "title": art.title,
                "date": art.date.isoformat() if art.date else None,
                "source": art.source,
                "url": art.url,
            },
            "claims": [
                c.model_dump(mode="json", exclude={"article_id", "article_date"}) for c in self.claims
            ],
        }


# every character but " " that str.split() splits at (Py_UNICODE_ISSPACE; a unit test checks it)
_SPACES = (
    "\n\t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def content_hash(text: str) -> str:
    # " ".join(text.split()) (that is re.sub(r"\s+", " ", text).strip()), without making a string
    # for every word: each space character becomes " ", then runs of " " shrink to one
    normal = unicodedata.normalize("NFC", text)
    for space in _SPACES:
        if space in normal:
            normal = normal.replace(space, " ")
    while "  " in normal:
        normal = normal.replace("  ", " ")
    return hashlib.sha256(normal.strip(" ").encode("utf-8")).hexdigest()


def article_of(doc: Document) -> Article:
    return Article(
        id=doc.id,
        title=doc.title,
        date=doc.date,
        source=doc.source,
        url=doc.url,
        content_hash=content_hash(doc.text),
    )


def _main_pair(named: dict[str, tuple[int, int]]) -> tuple[str, ...]:
    """The two countries the story is about so far: most named, then most recently named."""
    if len(named) < 2:
        return ()
    # the first two of a stable sort by (count, last) descending: max keeps the first of equals
    first = max(named, key=named.__getitem__)
    second = max((k for k in named if k != first), key=named.__getitem__)
    return tuple(sorted((first, second)))


def _story_agreement(latest: Actor | None, agreements: dict[str, tuple[int, Actor]]) -> Actor | None:
    """What "applied to join" with no object means when the latest agreement was named sentences ago:
    that one, unless the story's own organisation has been named at least twice more often."""
    if latest is None:
        return None
    topic = prevailing(latest.ids[0], agreements, lambda k: agreements[k][0])
    return latest if topic == latest.ids[0] else agreements[topic][1]


def _clauses(
    text: str, sentences: list[Sentence], mentions: list[Mention], actors: list[Actor]
) -> Iterator[Clause]:
    """A clause for each sentence that names an actor (the others change no running state)."""
    barriers = [m.start for m in mentions if m.kind is Kind.BLOCK]
    a_i = b_i = 0
    topic = None
    named: dict[str, tuple[int, int]] = {}  # country -> (times named, last sentence index)
    pair: tuple[str, ...] = ()  # _main_pair(named), recomputed only when named changes
    last_agreement: Actor | None = None
    latest_at = 0  # the sentence that named last_agreement
    agreements: dict[str, tuple[int, Actor]] = {}  # agreement -> (times named, latest actor)
    contested: str | None = None
    contested_group: tuple[str, ...] = ()
    disputed = get_lexicon().contested
    folded = fold(text)
    for index, s in enumerate(sentences):
        while a_i < len(actors) and actors[a_i].start < s.start:
            a_i += 1
        a_j = a_i
        while a_j < len(actors) and actors[a_j].end <= s.end:
            a_j += 1
        if a_j == a_i:
            continue
        while b_i < len(barriers) and barriers[b_i] < s.start:
            b_i += 1
        local_barriers = [b for b in barriers[b_i : b_i + 50] if b < s.end]
        elliptic = last_agreement if index - latest_at < 2 else _story_agreement(last_agreement, agreements)
        clause = Clause(
            text,
            s.start,
            s.end,
            actors[a_i:a_j],
            local_barriers,
            topic=topic,
            pair=pair,
            last_agreement=elliptic,
            contested=contested,
            contested_group=contested_group,
            folded=folded,
        )
        yield clause
        if clause.groups:
            topic = clause.groups[0]
        for group in clause.groups:
            if len(group.ids) > 1 and set(group.ids) <= disputed:
                contested_group = tuple(group.ids)  # "Abkhazia and South Ossetia": "them", "both"
        renamed = False
        for actor in actors[a_i:a_j]:
            if actor.agreement:
                agreements[actor.ids[0]] = (agreements.get(actor.ids[0], (0, actor))[0] + 1, actor)
                if not (actor.modifier or actor.venue):  # (not "EU officials": named in passing)
                    last_agreement, latest_at = actor, index
            elif actor.ids and actor.ids[0] in disputed:
                contested = actor.ids[0]
            if actor.kind is Kind.COUNTRY and len(actor.ids) == 1 and not actor.venue:
                count, _ = named.get(actor.ids[0], (0, 0))
                named[actor.ids[0]] = (count + 1, s.start)
                renamed = True
        if renamed:
            pair = _main_pair(named)
        a_i = a_j


# searched in the folded sentence, and only if it holds one of the words every branch needs
_BACKGROUND = Scanner(
    lowered(
        r"\b(?:\d+|several|many|two|three|four|five|six|seven|eight|nine|ten)\s+(?:days?|weeks?|"
        r"months?|years?|decades?)\s+(?:after|before|since)\b|\bafter\s+(?:it|they|he|she)\b|"
        r"\b(?:years|decades)\s+(?:ago|earlier)\b|\bhad\s+(?:once|previously|earlier)\b"
    )
)
_BACKGROUND_HINTS = ("after", "before", "since", "ago", "earlier", "had")


@dataclass
class _Sentence:
    """What the claims of one sentence share: its folded text, confidence and evidence, and the date
    and the background reading of each trigger position (memoised: one trigger often yields many
    claims)."""

    s: Sentence
    doc: Document
    trusted: bool  # whether the document's id and date are of the types the model would keep
    folded: str
    confidence: float
    evidence: Evidence
    dates: dict[int, dt.date | None] = field(default_factory=dict)
    past: dict[int, bool] = field(default_factory=dict)

    def date_at(self, position: int) -> dt.date | None:
        """The event date for a trigger at ``position``."""
        if position not in self.dates:
            s = self.s
            lo = max(0, position - s.start - 160)
            self.dates[position] = event_date(
                s.text[lo : position - s.start + 160], position - s.start - lo, self.doc.date
            )
        return self.dates[position]

    def background(self, position: int) -> bool:
        """Whether the trigger at ``position`` sits in a clause about the past."""
        if position not in self.past:
            hi = max(0, position - self.s.start)  # (str.find would read a negative end from the back)
            lo = max(0, hi - 240)
            folded = self.folded
            past = False
            for hint in _BACKGROUND_HINTS:
                if folded.find(hint, lo, hi) >= 0:
                    past = _BACKGROUND.search(folded, lo, hi) is not None
                    break
            self.past[position] = past
        return self.past[position]


_PAST_VERB = re.compile(r"[\w-]+ed\b|(?:broke|cut|left|met|held|began|won|quit|split|struck|signed)\b", re.I)


# a sentence told in the past with nothing pointing ahead: its bare month ("withdrew in May" in a
# November story) is the last one, even when it sits nearer the coming one
_PAST_IN_SENTENCE = re.compile(r"\b(?:[a-z]+ed|withdrew|became|took|gave|made|sought|broke|left|quit|won)\b")
_AHEAD = re.compile(
    r"\b(?:will|shall|next|due|scheduled|set\s+to|to\s+be|coming|plans?|expected|would)\b|"
    r"\bfrom\s+(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.I,
)


def _told_in_past(sentence: str) -> bool:
    return _PAST_IN_SENTENCE.search(sentence) is not None and _AHEAD.search(sentence) is None


def _year_before(day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return None


# Beijing and Taipei each claim to be China: a recognition between them is always a misreading
_NEVER_RECOGNIZE = {("CHN", "TWN"), ("TWN", "CHN")}


def _claim(raw: Raw, at: _Sentence) -> Claim | None:
    if raw.predicate is RelationType.RECOGNIZES and (raw.subject, raw.object) in _NEVER_RECOGNIZE:
        return None
    doc = at.doc
    when = at.date_at(raw.position)
    status = raw.status
    rule = raw.rule
    if at.background(raw.position):
        rule += ".background"  # "107 days after it left the pact": history, weaker than the news
    if status is Status.IN_FORCE and when and doc.date and when > doc.date:
        earlier = _year_before(when)
        past = _PAST_VERB.match(doc.text, raw.position) or _told_in_past(at.s.text)
        if past and earlier and earlier <= doc.date:
            when = earlier  # "re-established ties in December" in an August story: last December
        else:
            status = Status.ANNOUNCED  # "join from 1 January": dated after the article, so not yet in force
    fields: dict[str, Any] = {
        "subject": raw.subject,
        "predicate": raw.predicate,
        "object": raw.object,
        "status": status,
        "about": raw.about,
        "event_date": when,
        "confidence": at.confidence,
        "evidence": at.evidence,
        "rule": rule,
        "article_id": doc.id,
        "article_date": doc.date,
    }
    if at.trusted and _valid_ids(raw) and 0.0 <= at.confidence <= 1.0:
        return _trusted(Claim, fields)
    try:
        return Claim(**fields)
    except ValueError:  # an id the model rejects (e.g. a subject that is an agreement): drop it
        return None


_COUNTRY = re.compile(COUNTRY_ID.pattern[1:-1])  # the model's patterns, for fullmatch
_AGREEMENT = re.compile(AGREEMENT_ID.pattern[1:-1])


def _valid_ids(raw: Raw) -> bool:
    """True only when the model accepts the subject, object and agreement of ``raw`` (what its
    field patterns and endpoint check ask, more cheaply; False sends the claim through them)."""
    kind = _AGREEMENT if raw.predicate is RelationType.MEMBER_OF else _COUNTRY
    return (
        raw.subject != raw.object
        and _COUNTRY.fullmatch(raw.subject) is not None
        and kind.fullmatch(raw.object) is not None
        and (raw.about is None or _AGREEMENT.fullmatch(raw.about) is not None)
        and bool(raw.rule)
    )


_Model = TypeVar("_Model", bound=BaseModel)
_setattr = object.__setattr__


def _trusted(model: type[_Model], fields: dict[str, Any]) -> _Model:
    """``model(**fields)`` for values that its validation keeps as they are, without validating them
    again: a third of the cost (pydantic's own model_construct costs more than validation)."""
    made = model.__new__(model)
    _setattr(made, "__dict__", fields)
    _setattr(made, "__pydantic_fields_set__", set(fields))
    _setattr(made, "__pydantic_extra__", None)
    _setattr(made, "__pydantic_private__", None)
    return made


def _sentence_claims(raws: list[Raw], s: Sentence, doc: Document, trusted: bool) -> list[Claim]:
    """The claims of one sentence: the first statement of each (triple, status), dated and scored."""
    # the evidence is shared: claims never change it
    evidence: dict[str, Any] = {"sentence": s.text, "start": s.start, "end": s.end}
    at = _Sentence(
        s, doc, trusted, fold(s.text), cues.confidence(s.text),
        _trusted(Evidence, evidence) if trusted else Evidence(**evidence),
    )  # fmt: skip
    unique: dict[tuple[str, RelationType, str, Status], Raw] = {}
    for r in raws:
        unique.setdefault((r.subject, r.predicate, r.object, r.status), r)
    claims = []
    for raw in unique.values():
        claim = _claim(raw, at)
        if claim is not None:
            claims.append(claim)
    return claims


def extract_document(doc: Document) -> Extraction:
    """Run every stage on one document; deterministic for a given lexicon."""
    text = doc.text
    sentences = split_sentences(text)
    mentions = later_surnames(text, described_agreements(text, find_mentions(text, day=doc.date)))
    actors = resolve(mentions, text, [s.start for s in sentences])
    claims: list[Claim] = []
    # claims are made without validating them again when every value is of the type the model keeps
    trusted = type(doc.id) is str and (doc.date is None or type(doc.date) is dt.date)
    by_start = {s.start: s for s in sentences}
    previous: list[Raw] = []
    history: list[Raw] = []
    objects: list[str] = []
    for clause in _clauses(text, sentences, mentions, actors):
        if not clause.actors:
            continue
        clause.recent_objects = objects
        sentence = by_start[clause.start]
        raws = clause_claims(clause, previous, history)
        named = [r for r in raws if r.subject != UNNAMED]
        history.extend(named)
        if named:
            claims.extend(_sentence_claims(named, sentence, doc, trusted))
        # (a sentence of talks only does not change what "did so" in the next one repeats)
        if any(r.predicate is not RelationType.NEGOTIATING_WITH for r in raws):
            previous = raws
        objects = clause.recent_objects
    return Extraction(article=article_of(doc), claims=select(claims))
