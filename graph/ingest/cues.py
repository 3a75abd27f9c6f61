"""Status cues: negation, modality, conditions and reported speech around a trigger.

Cues are read in the *verb chain* — the words between a relation's subject and its trigger —
so that a negation elsewhere in the sentence ("would not modify the deals signed by X") does not
reach the trigger. Conditions are read in the clause before the trigger ("without ... recognition").

The cue patterns are word lists read case-insensitively, and most windows they are tried in are
a few words of ASCII text. There a lower-cased copy of the window is read with a case-sensitive
*twin* of the pattern whose alternatives are grouped by first letter (``found``; re rejects a
group by one character test, where a case-insensitive list costs a folded comparison per word).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from graph.ingest.fastre import Scanner, scanner
from graph.models import Status

NEGATION = scanner(
    r"\b(?:not(?!\s+only)|cannot|n['’]t|never|no\s+longer|refus\w*|reject\w*|declin\w+\s+to|withh[eo]ld\w*|"
    r"no\s+plans?|no\s+intention|no\s+immediate\s+plans?|ruled?\s+out|rules\s+out|unwilling|"
    r"opposed?\s+to|against|nor|yet\s+to|failed\s+to|stopp\w+\s+short|no\s+move|veto\w*|block\w*|"
    r"objections?|outside|no\s+need|no\s+hurry|no\s+reason|no\s+(?:interest|desire|wish)\s+in|(?:none|neither)\s+of\s+(?:which|whom|them))\b",
    re.I,
)
ANNOUNCED = scanner(
    r"\b(?:will|shall|would|['’]ll|set\s+to|due\s+to|plans?\s+to|planning\s+to|planned|intends?\s+to|"
    r"intention\s+to|decided\s+to|decision\s+to|agreed\s+to|agreement\s+to|announced\s+plans|"
    r"going\s+to|expected\s+to|expects\s+to|expecting\s+to|poised\s+to|prepar\w+\s+to|ready\s+to|pledged\s+to|promised\s+to|"
    r"vowed\s+to|committed\s+to|scheduled|is\s+to|are\s+to|was\s+to|were\s+to|about\s+to|"
    r"in\s+principle|accepted\s+\w+\s+as|approved|cleared\s+the\s+way|green\s+light|"
    r"formally\s+to|to\s+formally|from\s+1\s+\w+|starting|as\s+of\s+next)\b",
    re.I,
)
PROPOSED = scanner(
    r"\b(?:could|might|may|possib\w+|consider\w*|propos\w*|invit\w*|appl(?:y|ied|ies|ying|ication)|"
    r"bids?|candida\w+|seek\w*|sought|pursu\w+|ask\w*\s+to|wants?\s+to|wanted\s+to|wish\w*\s+to|hop\w+\s+to|hopes|aim\w*|"
    r"call\w*\s+(?:on|for|upon)|urg\w+|push\w*|lobby\w*|pressur\w+|convinc\w+|persuad\w+|encourag\w+|"
    r"explor(?!atory)\w+|weigh\w*|goal|efforts?|queue|aspir\w+|interest\s+in|potential|prospect\w*|"
    r"talks?\s+(?:on|about)|discuss\w*|negotiat\w+|speculat\w+|floated|mull\w*|eyes|eyeing|"
    r"road\s*map|path\s+to|lined\s+up|next\s+in|non-binding|symbolic\s+vote|motion|resolution|"
    r"would\s+like|keen|bring\w*|expand\w*|expansion|add\w*|years\s+away\s+from|far\s+from|must)\b",
    re.I,
)
CONDITION = scanner(
    r"\b(?:if|unless|without|as\s+soon\s+as|as\s+long\s+as|provided|on\s+condition|conditions?|precondition|in\s+exchange\s+for|"
    r"in\s+return\s+for|once|whether|until\s+and\s+unless|only\s+after|toward|towards)\b",
    re.I,
)
REPORTED = scanner(
    r"\b(?:reported(?:ly)?|according\s+to|sources?|allegedly|claim\w*|rumou?r\w*|unconfirmed|"
    r"speculation|reports?\s+say|is\s+said\s+to|are\s+said\s+to)\b",
    re.I,
)
DISPUTED = scanner(r"\b(?:not\s+true|never\s+happened|denied|false|untrue|disputed)\b", re.I)
ORDINAL = scanner(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"latest|last(?!\s+(?:week|month|year|night|time|spring|summer|autumn|winter|\w+day)\b)|only|newest|"
    # ("the largest country on the continent to recognise X": it has done so)
    r"largest|biggest|smallest|oldest|earliest|most\s+(?:important|populous|powerful|prominent))\s+"
    r"(?:[\w-]+\s+){0,5}to\s+(?:\w+ly\s+)?$",
    re.I,
)
PAST_CUE = scanner(r"\b(?:had|was|were|did|previously|formerly|once|then|earlier|ago|former)\b", re.I)


# re.IGNORECASE matches these to "i" and "s", which str.lower() does not turn them into
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


def may_contain(text: str, words: tuple[str, ...], also: re.Pattern[str] | None = None) -> bool:
    """False only when none of the lower-case ``words`` (nor a match of ``also``, lower-case) is in
    ``text`` as re.IGNORECASE reads it: a test far cheaper than a scan, before a pattern each match
    of which holds one of them."""
    low = text.lower()
    for word in words:
        if word in low:
            return True
    if also is not None and also.search(low):
        return True
    return not text.isascii() and _ODD_CASE.search(text) is not None


COUNTERFACTUAL = scanner(r"\bwould\s+have\b|\bcould\s+have\b", re.I)


def _top_level(body: str) -> tuple[list[str], int]:
    """The alternatives of a pattern up to its first unmatched ")", and where that is."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            i += 1  # the escaped character is never syntax
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth == 0:
            break
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    parts.append(body[start:i])
    return parts, i


def _by_first_letter(pattern: str) -> str:
    """``\\b(?:not|never|refus\\w*)...`` as ``\\b(?:n(?:ot|ever)|refus\\w*)...``: the same matches
    (alternatives that share a first letter keep their order; others cannot match at one place)."""
    lead = "\\b(?:"
    if not pattern.startswith(lead):
        return pattern
    alternatives, end = _top_level(pattern[len(lead) :])
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        plain = alt[:1].isalpha() and alt[1:2] not in ("*", "+", "?", "{")
        groups.setdefault(alt[0] if plain else alt, []).append(alt)
    parts = [
        f"{k}(?:{'|'.join(a[1:] for a in alts)})" if len(alts) > 1 else alts[0] for k, alts in groups.items()
    ]
    return lead + "|".join(parts) + pattern[len(lead) + end :]


def _twin(cue: Scanner | re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of a lower-case, case-insensitive cue: on lower-cased ASCII text
    it matches exactly where the cue matches the original text."""
    assert cue.flags & re.IGNORECASE and cue.pattern == cue.pattern.lower(), cue.pattern
    return re.compile(_by_first_letter(cue.pattern))


_TWINS = {cue: _twin(cue) for cue in (NEGATION, ANNOUNCED, PROPOSED, CONDITION, ORDINAL, COUNTERFACTUAL)}


def found(cue: Scanner, text: str) -> bool:
    """Whether ``cue`` matches in ``text`` (``cue.search``, by its twin where it has one)."""
    twin = _TWINS.get(cue)
    if twin is not None and text.isascii():
        return twin.search(text.lower()) is not None
    return cue.search(text) is not None


def lowered(text: str) -> str | None:
    """What twins read of ``text``: its lower-cased copy; None when it is not ASCII."""
    return text.lower() if text.isascii() else None


class Cue:
    """A rule's own word-list cue (lower-case, case-insensitive) with its twin, for a window
    that several cues read: the caller lowers it once (``lowered``) and passes both."""

    __slots__ = ("plain", "twin")

    def __init__(self, pattern: str) -> None:
        self.plain = re.compile(pattern, re.I)
        self.twin = _twin(self.plain)

    def search(self, text: str, low: str | None) -> re.Match[str] | None:
        return self.plain.search(text) if low is None else self.twin.search(low)

    def match(self, text: str, low: str | None) -> re.Match[str] | None:
        return self.plain.match(text) if low is None else self.twin.match(low)

    def finditer(self, text: str, low: str | None) -> Iterator[re.Match[str]]:
        return self.plain.finditer(text) if low is None else self.twin.finditer(low)


_FUTURE = scanner(r"\b(?:will|would|shall|set|due|expected)\b")
_BARE_TO = scanner(r"^\s*to\s*$|\bto\s+(?:\w+ly\s+)?$")  # a chain ending in "to": not done yet


_ASIDE = re.compile(
    r",\s*(?:which|who|whose|a|an|the|its|their|long|once|now|then|itself|already|both|all|each|neither|none)\b"
    r"[^,;]{0,90}?,\s*",
    re.I,
)


def strip_asides(chain: str) -> str:
    """The verb chain without relative clauses and appositions set off by commas ("Sudan, whose
    government fought a war against rebels, was the first to recognise": no negation of the act)."""
    return _ASIDE.sub(" ", chain) if "," in chain else chain


def _words_of(cue: Scanner) -> list[str]:
    """The alternatives of a ``\\b(?:...)\\b`` word list."""
    alternatives, end = _top_level(cue.pattern[len("\\b(?:") :])
    assert cue.pattern.startswith("\\b(?:") and cue.pattern[len("\\b(?:") + end :] == ")\\b", cue.pattern
    return alternatives


def _any_cue_twin(lists: tuple[Scanner, ...], others: tuple[Scanner, ...]) -> re.Pattern[str]:
    """One twin that matches where any of the cues would: the word ``lists`` merged into one list
    grouped by first letter, the ``others`` as they are."""
    merged = _by_first_letter("\\b(?:" + "|".join(w for cue in lists for w in _words_of(cue)) + ")\\b")
    return re.compile("|".join([merged, *(_TWINS[cue].pattern for cue in others)]))


class _ChainCues(NamedTuple):
    any_cue: re.Pattern[str]  # a match wherever one of the five cues matches (most chains have none)
    counterfactual: Scanner | re.Pattern[str]
    negation: Scanner | re.Pattern[str]
    proposed: Scanner | re.Pattern[str]
    ordinal: Scanner | re.Pattern[str]
    announced: Scanner | re.Pattern[str]


_FIVE = (COUNTERFACTUAL, NEGATION, PROPOSED, ORDINAL, ANNOUNCED)
_ANY_TEXT = _ChainCues(re.compile(""), *_FIVE)  # (the empty pattern always matches: no shortcut)
_LOWER_ASCII = _ChainCues(
    _any_cue_twin((NEGATION, PROPOSED, ANNOUNCED), (ORDINAL, COUNTERFACTUAL)), *(_TWINS[cue] for cue in _FIVE)
)


def status_from_chain(chain: str, base: Status) -> Status | None:
    """The status a verb chain gives a trigger whose plain reading is ``base``; None drops the claim.

    A negated intent ("will not recognise") is a refusal (denied); a negated ending ("did not
    withdraw") says nothing firm, so it is dropped.
    """
    if chain.isascii():
        return _chain_status(chain, chain.lower(), _LOWER_ASCII, base)
    return _chain_status(chain, chain, _ANY_TEXT, base)


def _chain_status(chain: str, read: str, cue: _ChainCues, base: Status) -> Status | None:
    """status_from_chain with the word-list cues ``cue`` read in ``read`` (the chain, or its
    lower-cased copy for the twins); the case-sensitive patterns read the chain itself."""
    words = cue.any_cue.search(read) is not None  # one scan instead of five when there is none
    if words and cue.counterfactual.search(read):
        return None  # "would have recommended admitting": it did not happen
    if base is Status.DENIED:
        return base  # a refusal ("rejects X's independence") stays a refusal whatever modal precedes it
    if words and cue.negation.search(read):
        if base is Status.ENDED:
            return None
        return Status.DENIED
    if words and cue.proposed.search(read):
        return Status.PROPOSED if base is not Status.ENDED else None
    if words and cue.ordinal.search(read) and not _FUTURE.search(chain):
        return base  # "the third country to switch": it happened
    if "on" in chain and _WENT_ON.search(chain):
        return base  # "Moscow went on to recognise them": it did
    if base is Status.ENDED and _DECIDED_EXIT.search(chain):
        return base  # "decided to end relations", "signed a law to leave": the decision is the break
    if (words and cue.announced.search(read)) or ("to" in chain and _BARE_TO.search(chain)):
        if base is Status.IN_FORCE and (_STAYS.search(chain) or GOES_ON.search(chain)):
            return base  # "would remain a member": the present state goes on
        return Status.ANNOUNCED if base is not Status.ENDED else None
    return base


_DECIDED_EXIT = re.compile(
    r"\bdecided\s+to\s+$|\bwith\s+immediate\s+effect\b|"
    r"\bsign(?:s|ed)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:law|bill|decree|order|legislation)\b[^.;]{0,30}?\bto\s+$",
    re.I,
)
_WENT_ON = re.compile(r"\b(?:went|gone)\s+on\s+to\s+(?:\w+ly\s+)?$", re.I)
_STAYS = re.compile(
    r"\b(?:would|will|shall)\s+(?:still\s+|also\s+)?(?:remain|stay|continue\s+to\s+be)\b", re.I
)


GOES_ON = re.compile(r"\bcontinu(?:e|es|ed|ing)\s+to\s+(?:\w+ly\s+)?$", re.I)  # "continue to recognise it"


def announced_exit(chain: str) -> bool:
    """ "announced it was withdrawing from X", "will leave X": reported as the exit itself."""
    return bool(_EXIT_INTENT.search(chain)) and not (found(NEGATION, chain) or found(PROPOSED, chain))


_EXIT_INTENT = re.compile(
    r"\b(?:will|shall|announced|decided\s+to|is\s+to|set\s+to|plans?\s+to|intends?\s+to)\b|"
    r"\b(?:said|announced|declared)\s+(?:that\s+)?(?:it|they)\s+would\b",
    re.I,
)


# Either cue in one scan: most sentences have neither, and the first hit tells which to look for.
_EITHER = scanner(f"(?P<disputed>{DISPUTED.pattern})|{REPORTED.pattern}", re.I)
# a word every match of _EITHER holds ("not true", "untrue"; "reports say", "is said to")
_EITHER_WORDS = (
    "true", "happened", "denied", "false", "disputed", "report", "according", "source",
    "allegedly", "claim", "rumo", "unconfirmed", "speculation",
)  # fmt: skip
_SAID_TO = re.compile(r"said\s+to")  # "is said to": plain "said" is too common to test by word


def confidence(sentence: str) -> float:
    """Plain statements 0.8; reported or attributed ones 0.6; disputed ones 0.4."""
    if not may_contain(sentence, _EITHER_WORDS, _SAID_TO):
        return 0.8  # the scan costs far more than the word test, and most sentences have neither
    first = _EITHER.search(sentence)
    if first is None:
        return 0.8
    if first.lastgroup == "disputed" or DISPUTED.search(sentence, first.start()):
        return 0.4
    return 0.6
