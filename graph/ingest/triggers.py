"""Trigger lexicon: one compiled alternation whose named groups say which rule family fired.

Order matters: longer, more specific phrasings come first so that "withdrew recognition" is a
withdrawal of recognition rather than a withdrawal from an organisation.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

from graph.ingest.fastre import fold, lowered

_Q = r"[\"“”'‘’]?\s*"
_TIES_ADJ = (
    rf"(?:(?:full|formal|official|normal|bilateral|diplomatic|consular|trade|and|all|its|their|the|own|"
    rf"political|economic|military|security|business|cultural|transport|travel|air|commercial|long-standing|"
    rf"longstanding|decades-old|decades-long|close|friendly|existing|historic|ambassador-level)\s+{_Q})*"
)
_TIES = rf"{_Q}{_TIES_ADJ}(?:relations|ties|links|relationship)\b"

FAMILIES: list[tuple[str, str]] = [
    (
        "recog_withdraw",
        r"\b(?:withdr(?:aw|aws|ew|awn|awing|awal)|revok\w*|revocation|rescind\w*|retract\w*|pull\w*|"
        r"drop(?:s|ped|ping)?)\s+"
        r"(?:of\s+)?(?:its\s+|their\s+|the\s+|her\s+|his\s+)?recognition\b|\bde-?recogni[sz]\w*\b",
    ),
    (
        "recog_passive",
        r"\b(?:is|are|was|were|been|being)\s+(?:(?:\w+ly|still|now|also|not|yet|already|widely)\s+){0,3}"
        r"(?:recogni[sz]ed|accepted)\s+(?:as\s+[\w\s-]{3,40}?\s+)?(?:only\s+|solely\s+|so\s+far\s+|formally\s+)?by\b",
    ),
    (
        "recog_announce",
        r"\b(?:announc\w+|declar\w+|confirm\w+|formalis\w+|formaliz\w+)\s+(?:its|their|her|his)\s+(?:own\s+)?"
        r"(?:formal\s+|official\s+)?recognition\b(?!\s+(?:of|to)\b)|"
        r"\b(?:extend\w*|grant\w*)\s+(?:(?:its|their|formal|diplomatic|full)\s+)*recognition\b(?!\s+(?:of|to)\b)",
    ),
    (
        "recog_withhold",
        r"\b(?:withh[eo]ld\w*|den(?:y|ies|ied|ying))\s+(?:its\s+|their\s+|formal\s+|diplomatic\s+)*recognition\b"
        r"(?!\s+(?:of|to)\b)",
    ),
    (
        "recog_extend",
        r"\b(?:extend\w*|grant\w*|accord\w*|offer\w*|gave|giv(?:e|es|en|ing))\s+(?:\w+\s+){0,2}recognition\s+to\b",
    ),
    (
        "recog_reject",
        r"(?:\b(?:reject(?:s|ed|ing)?|refus\w+\s+to\s+(?:accept|acknowledge))|"
        r"(?:(?<=\bnever\s)|(?<=\bnot\s)|(?<=\bnever\sto\s)|(?<=\bnot\sto\s))accept)\b"
        r"(?=[^.;]{0,60}?\b(?:independence|statehood|sovereignty|secession)\b)",
    ),
    ("recog_verb", r"\b(?:re-?)?recogni[sz](?:e|es|ed|ing)\b"),
    # ("Moscow's recognition last month of ...")
    ("recog_noun", r"\brecognition\s+(?:(?:last|this|earlier\s+this)\s+(?:week|month|year)\s+)?(?:of|for)\b"),
    (
        "recog_by",
        r"\brecognitions?\s+(?:\w+\s+)?(?:by|from)\b|\brecognition\s+(?:\w+\s+){0,2}came\s+from\b",
    ),
    (
        "accept_state",
        r"\baccept\w*\b(?=[^.;]{0,80}?\bas\s+(?:an?\s+)?(?:sovereign\s+|independent\s+|and\s+)+"
        r"(?:states?|nations?|countr\w+)\b)",
    ),
    (
        "switch",
        r"\bswitch(?:es|ed|ing)?\b(?:\s+(?:its|their|the|diplomatic|official|formal|allegiances?|recognition|"
        r"ties|relations|sides|\s)+)?|\b(?:went|gone)\s+over(?=\s+to\b)|"
        r"\b(?:transferr\w*|shift\w*|mov(?:e|es|ed|ing))\s+(?:(?:its|their)\s+)?(?:diplomatic\s+)?recognition\b|"
        # "Grenada moved to Beijing": only toward one of the two Chinas does a bare move mean recognition
        r"\b(?:shift(?:s|ed)?|mov(?:es|ed)|turn(?:s|ed)|went\s+back|go(?:es)?\s+back|returned)"
        r"(?=\s+(?:its\s+allegiance\s+)?to\s+(?:beijing|taipei|taiwan)\b)",
    ),
    (
        "switch_for",
        r"\b(?:dropp(?:ed|ing)|drops?|abandon(?:s|ed|ing)?|ditch(?:es|ed|ing)?|dump(?:s|ed|ing)?)\b"
        r"(?=[^.;]{1,50}?\b(?:for|in\s+favou?r\s+of)\s)",
    ),
    (
        "ties_process",
        rf"\b(?:process|deal|agreement|efforts?|talks|negotiations?|steps?|roadmap|framework|bid|push|moves?)\s+"
        rf"(?:of|to|toward|towards|aimed\s+at|on|for)\s+(?:\w+\s+)?(?:normali[sz]\w+|restor\w+|establish\w+|"
        rf"re-?establish\w+|resum\w+|improv\w+|mend\w*){_TIES}",
    ),
    ("rapprochement", r"\b(?:rapprochement|normali[sz]ation\s+talks)\b"),
    (
        "ties_cut",
        rf"\b(?:cut(?:s|ting)?|sever(?:s|ed|ing)?|break(?:s|ing)?|broke|broken|terminat\w+|end(?:s|ed|ing)?|"
        rf"suspend\w*|rupture\w*)\s+(?:off\s+)?{_TIES}|\bsevering\s+of\s+{_TIES}|\bbreak\s+in\s+{_TIES}|"
        rf"\b(?:end(?:s|ed|ing)?|terminat\w+|break(?:s|ing)?\s+off|broken?\s+off|sever(?:s|ed|ing)?|cut(?:s|ting)?)\s+"
        rf"(?:its|their)\s+(?:[\w-]+\s+){{0,3}}"
        rf"relationship\b|\b(?:broke|breaks|break|breaking|broken)(?=\s+(?:off\s+)?with\s+[A-Z])|"
        # "ended eight years of official relations with Taiwan"
        r"\bend(?:s|ed|ing)?\s+(?:(?:nearly|almost|more\s+than|over|some)\s+)?(?:\d+|[a-z]+)\s+(?:years|decades)\s+of\s+"
        r"(?:(?:official|diplomatic|formal|full)\s+)*(?:relations|ties)\b",
    ),
    (
        "ties_noun",
        rf"\b(?:establishment|re-?establishment|restoration|resumption|normali[sz]ation|revival|renewal)\s+of\s+"
        rf"{_TIES}",
    ),
    (
        "ties_est",
        rf"\b(?:(?:re-?)?establish(?:es|ed|ing)?|restor(?:e|es|ed|ing)|resum(?:e|es|ed|ing)|normali[sz](?:e|es|ed|ing)|"
        rf"reviv(?:e|es|ed|ing)|renew(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|reopen(?:s|ed|ing)?|forg(?:e|es|ed|ing)|"
        rf"formali[sz](?:e|es|ed|ing)|"
        rf"open(?:s|ed|ing)?|set(?:s|ting)?\s+up)\s+(?:{_TIES}|them(?=\s+with\b))|"
        # "broke off relations during the war and restored them in 1990"
        r"(?<=\band\s)(?:restor|resum|re-?establish|normali[sz])\w*\s+them\b|"
        r"\b(?:reopen(?:s|ed|ing)?|kept|keeps?|keeping|maintain(?:s|ed|ing)?)\s+(?:their|its)\s+"
        r"(?:respective\s+)?embass(?:y|ies)\b|\b(?:has|have|with)\s+an\s+embassy\b",
    ),
    (
        "ties_passive",
        r"\b(?:relations|ties)\s+(?:between\s+[^.;]{3,60}?\s+)?(?:have\s+|had\s+|has\s+)?(?:now\s+)?"
        r"(?:been\s+|were\s+|was\s+|are\s+|is\s+)?(?:now\s+|formally\s+|officially\s+|fully\s+)?"
        r"(?P<tp_verb>restored|established|re-?established|resumed|normali[sz]ed|revived|severed|cut|broken|broke|"
        r"ended|terminated|suspended|(?:would|will)\s+(?:be\s+)?(?:resume|restored|re-?established|normali[sz]ed))\b",
    ),
    (
        "ties_have",
        r"\b(?:have|has|had|having|maintain\w*|enjoy\w*|keep\w*|kept|retain\w*)\s+(?:never\s+)?(?:had\s+)?(?:no\s+)?"
        r"(?:(?:long-?standing|longstanding|full|formal|official|normal|existing|diplomatic|consular|"
        r"and|any|friendly|cordial)\s+)+(?:relations|ties)\b|\bconnected\s+(?:through|by)\s+diplomatic\s+ties\s+to\b|"
        r"\b(?:there\s+(?:are|is|were|was)|with)\s+(?:still\s+)?no\s+(?:diplomatic\s+|formal\s+)*(?:relations|ties)(?=\s+between\b)|"
        r"\bthere\s+(?:have|has|had)\s+never\s+been\s+(?:any\s+)?(?:diplomatic\s+|formal\s+|official\s+)*"
        r"(?:relations|ties)(?=\s+between\b)|"
        r"\b(?:have|has|had)\s+(?:had\s+)?no\s+(?:diplomatic\s+)?(?:relations|ties)\b|"
        r"\b(?:have|has)\s+had\s+relations\b|\b(?:have|has|had|maintains?|maintained)\s+(?:relations|ties)(?=\s+with\b)",
    ),
    (
        "envoys",
        r"\b(?:appoint\w*|exchang\w*|return\w*|restor\w+|reinstat\w+)\s+(?:new\s+|their\s+|full\s+)?"
        r"ambassadors\b",
    ),
    ("ally", r"\b(?:diplomatic\s+)?(?:all(?:y|ies)|partners?|friends)\b"),
    (
        "accession",
        r"\b(?:accession|membership|entry)\s+(?:talks|negotiations|process|bids?|path|applications?|candidates?)\b|"
        r"\bcandidate\s+(?:status|country|countries)\b|\bcandidates?\s+(?:for\s+membership|since)\b|"
        # "opened negotiations on Turkish membership": the owner follows
        r"\b(?:talks|negotiations)\s+on(?=\s+[\w-]+(?:['’]s?)?\s+(?:full\s+)?(?:membership|accession|entry)\b)|"
        r"\b(?:bids?|applications?|ambitions?|aspirations?|quest|drive)\s+to\s+(?:join|become\s+a\s+member)\b",
    ),
    (
        "member_taken_out",
        r"\b(?:pull(?:s|ed|ing)?|took|takes?|taken|taking)\b(?=\s+(?:[\w.'’-]+\s+){1,4}out\s+of\b)",
    ),
    (
        "member_leave",
        r"\b(?:leav(?:e|es|ing)(?!\s+(?:\w+\s+){0,3}with\b|\s+(?:in\s+limbo|behind|open|intact|unresolved)\b)|left|quit(?:s|ting)?|withdr(?:aw|aws|ew|awn|awing|awal)|pull(?:s|ed|ing)?\s+out|"
        r"pullout|exit(?:s|ed|ing)?|departure(?=\s+from\b|\s+(?:took|takes|became|becomes)\s+effect\b)|expel\w*|expulsion|suspend\w*|suspension|oust\w*|kick\w*\s+out|"
        r"barred(?=\s+from\b)|"
        r"walk\w*\s+(?:away|out)|removed|remov(?:e|es|ing)|cease[sd]?\s+to\s+be\s+a\s+member|"
        r"no\s+longer\s+(?:be\s+)?a\s+member)\b",
    ),
    (
        "member_noun",
        r"\b(?:observer\s+)?non-?member(?:\s+(?:state|status|observer))?\b|\bobserver\s+(?:state|status)\b|"
        r"\b(?:(?:full|founding|full-fledged|associate|new|newest|latest|first|former|\d+(?:st|nd|rd|th)|"
        r"\w+(?:st|nd|rd|th))\s+)?member(?:s|ship|-states?|\s+states?|\s+countries|\s+nations)?\b|"
        r"\bsignator(?:y|ies)\s+(?:to|of)\b|\bsignatories(?=\s+(?:were|are|include)\b)|"
        r"\bnewcomers(?=\s*(?:[-–—:,]|are\b|were\b|include\b))|"  # "The newcomers - A, B and C - bring"
        r"\bpart(?:y|ies)\s+to\b|\ba\s+party(?=\s*[,.;])|\bseat(?=\s+(?:on|in|at)\s)|\bfounders?(?=\s+of\s)|"
        r"\bdialogue[- ]partners?(?:\s+status)?\b|"
        r"\bobservers\b(?<=\bas\sobservers)|\bobserver\b(?<=\bas\san\sobserver)",  # "take part as observers"
    ),
    (
        "member_stay",
        r"\b(?:remain\w*|stay\w*|kept|keeps?)\s+(?:committed\s+to|in|inside|within|part\s+of|a\s+(?:party|member)\s+"
        r"(?:to|of)|outside)\b|\b(?:stay\w*|kept|keeps?|remain\w*)\s+out\b(?:\s+of\b)?|"
        r"\bbelong(?:s|ed|ing)?\s+(?:both\s+|also\s+|with\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}\s+)?to\b|"
        r"\bbelong(?:s|ed)?(?=\s*[,.;)]|\s*$|\s+(?:since|together|along|alongside)\b)|"
        r"\b(?:is|are|was|were)\s+(?:not\s+|also\s+|already\s+|now\s+)?(?:a\s+)?part\s+of\b|"
        r"\b(?:sit|sits|sat|sitting)\s+(?:on|in)\b",
    ),
    (
        "includes",
        r"\binclud(?:e|es|ed|ing)\b|\b(?:groups|grouped|brings\s+together|brought\s+together|comprises|comprised|"
        r"consists\s+of|(?:is\s+)?made\s+up\s+of|counts\s+among\s+its\s+members)\b|"
        r"\bcount(?:s|ed)?\b(?=[^.;]{3,120}?\bamong\s+its\s+(?:\w+\s+)?(?:members|member\s+states|ranks)\b)",
    ),
    ("outside", r"\boutside\b"),
    ("adopt_currency", r"\badopt\w*\s+the\s+(?:euro|single\s+currency|common\s+currency)\b"),
    (
        "founded_by",
        r"\b(?:co-?)?(?:founded|created|established|formed|set\s+up|launched)\b(?=[^.;]{0,30}?\b(?:by|with)\b|"
        r"\s+(?:the\s+)?\w)|\b(?:co-?)?(?:led|chaired|headed)(?=\s+by\b)",
    ),
    (
        "member_join",
        r"\b(?:join(?:s|ed|ing)?|rejoin\w*|re-join\w*|accede[sd]?|acceding|accession|ratif(?:y|ies|ied|ying|ication)|"
        r"sign(?:s|ed|ing)?|inked|admi(?:t|ts|tted|tting|ssion)|readmi\w+|re-admi\w+|enter(?:s|ed|ing)?|"
        r"entry|came\s+on\s+board|brought\s+into|welcomed\s+into|appl(?:y|ies|ied|ying|ication|ications)|"
        r"invit(?:e|es|ed|ing)|return(?:s|ed|ing)?\s+to|came\s+back\s+to|(?:took|takes?|taken|taking)\s+in|"
        r"candida(?:te|tes|cy|ture)(?:\s+(?:status|country|countries))?)\b",
    ),
    ("agr_state", r"\b(?:states?|countries|country|nations?|economies)\b"),
    (
        "peace_with",
        r"\bpeace\s+(?:treat(?:y|ies)|deals?|agreements?|accords?)\s+with\b|\b(?:made|make|makes|making)\s+peace\s+with\b",
    ),
    ("make_up", r"\b(?:make|makes|made|making)\s+up\b|\b(?:form|forms|formed)(?=\s+the\s)"),
    ("agreement_between", r"\b(?:agreement|deal|accord|treaty|pact)(?=\s+between\b)"),
    (
        "channels",
        r"\b(?:cut\w*\s+off|cut|suspend\w*|sever\w*|halt\w*|stop\w*|end\w*|clos\w+|restor\w+|reopen\w*|"
        r"resum\w+)\s+(?:all\s+|its\s+|their\s+|the\s+)?(?:official\s+|direct\s+|military\s+)?(?:communication|"
        r"communications|hotline|liaison)\s*(?:lines?|channels?|mechanisms?|links?|office)?\b",
    ),
    (
        "negotiate",
        r"\b(?:spoke|speaks|talked|s[ai]t\s+down)\s+(?:by\s+(?:tele)?phone\s+|on\s+the\s+(?:tele)?phone\s+)?"
        r"(?:(?:on|last|this)\s+\w+\s+)?(?=with\b)|"
        r"\b(?:talks|negotiat(?:e|es|ed|ing|ions?)|discuss(?:es|ed|ing)?|discussions|consultations|dialogue|"
        r"meet(?:s|ings?)?|met|summit|(?:tele)?phone\s+(?:call|conversation)s?)\b",
    ),
    (
        "visit",
        r"\b(?:visit(?:s|ed|ing)?|(?:state|official|first)\s+visit\s+to|trip\s+to|travel(?:s|led|ed)?\s+to|"
        r"flew\s+to)\b",
    ),
]

TRIGGERS = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in FAMILIES), re.I)
FAMILY_NAMES = [name for name, _ in FAMILIES]

# The words a trigger can start with (as prefixes). Scanning for these cheap literals first and
# trying the full alternation only where one starts is several times faster than ``finditer``.
_HEADS = """
halt stop clos withdr revok revoc rescind retract pull derecogn de-recogn is are was were been
being announc declar confirm formalis formaliz extend grant accord offer reject refus recogn re
process deal agreement effort talks negotiat step roadmap framework bid push move rapproch normalis
normaliz cut sever break broke terminat end suspend ruptur establish restor resum reviv includ
outside renew upgrad reopen forg open relations ties have has had having maintain enjoy keep kept
retain connected appoint exchang return reinstat diplomatic ally allies partner friends leav left quit exit
expel expuls oust kick walk remov cease no observer non member signator part a remain stay adopt founded
created established formed set launched join rejoin acced acces ratif sign inked admi readmi enter
entry came brought welcomed appl candida state countr nation economies treaty pact discuss dialogue
consultation meet met summit accept switch withh deny denies denied denying invit membership bids
ambition aspiration quest drive belong visit state official first trip travel flew groups grouped
brings brought comprise consists counts count departure suspens went gone gave giv transfer shift mov turn
sit sat led chaired co-chaired headed co-led co-founded there make makes made making with drop
abandon ditch dump spoke speaks talked took take taken taking pull barred form forms peace seat founder
telephon phone newcomers
""".split()  # noqa: SIM905 - a word list reads better as text
# Short heads must be whole words ("a party", not "after"; "re-" only with its hyphen).
_WHOLE = {
    "form",  # (not "former")
    "forms",
    "a",
    "no",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "has",
    "had",
    "have",
    "having",
    "with",
    "met",
    "set",
}


def _trie(words: dict[str, str]) -> str:
    """One regex for literal words (each with a suffix pattern), nested by shared prefixes.

    Python's ``re`` tries the branches of an alternation one by one; nesting them by prefix
    makes it decide on each character once. Longer words are tried before a word ends, so the
    match is the longest word that fits, as with a flat longest-first alternation."""
    tree: dict[str, Any] = {}
    for word, suffix in words.items():
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = suffix
    return _emit(tree)


def _emit(node: dict[str, Any]) -> str:
    branches = [re.escape(ch) + _emit(node[ch]) for ch in sorted(node) if ch]
    if "" in node:
        branches.append(node[""])
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# Frequent whole words that start a trigger only before certain words ("a party", "no longer a
# member", "is widely recognised by", "is part of", "with no relations", "with an embassy", "with
# member" for the ordinal member_noun reads there): the head looks ahead for those, so that the
# other places of these words are not tried at all (no family could match there)
_PASSIVE_AHEAD = r"\s+(?:\w+\s+){0,3}(?:recogni|accepted"
_AHEAD = {
    "a": r"(?=\s+party)",
    "no": r"(?=\s+longer)",
    "with": r"(?=\s+(?:still|no|an|member))",
    "is": rf"(?={_PASSIVE_AHEAD}|part)|\s+made)",
    **dict.fromkeys(("are", "was", "were"), rf"(?={_PASSIVE_AHEAD}|part))"),
    **dict.fromkeys(("been", "being"), rf"(?={_PASSIVE_AHEAD}))"),
}
_HEAD_WORDS = _trie(
    {h: r"\b" + _AHEAD.get(h, "") if h in _WHOLE else "-" if h == "re" else "" for h in _HEADS}
)
# where a trigger can start; the lookahead group is the whole word at the head (the tests' reference)
_HEAD = re.compile(r"\b(?=(\w+))" + _HEAD_WORDS, re.I)
_HEAD_FOLDED = lowered(r"\b" + _HEAD_WORDS)  # the same starts, searched in the folded text
# The same heads as _HEAD_FOLDED finds, as a lookahead after a non-word character (every head
# starts with a letter, so "\b" there means "at the text's start or after a non-word character"):
# a pattern that starts with a character class lets re skip to the few places where it can
# match, where a leading "\b" makes it try the whole trie at every position. Group 1 is the head.
_HEAD_AFTER = lowered(r"\W(?=(" + _HEAD_WORDS + "))")
_HEAD_AT = lowered(r"(?=(" + _HEAD_WORDS + "))")  # a head at the text's very start


def _family_pattern(*names: str) -> re.Pattern[str]:
    chosen = [(n, p) for n, p in FAMILIES if n in names]
    return re.compile("|".join(f"(?P<{n}>{p})" for n, p in chosen), re.I)


# Frequent words that can start only one or two families: matching just those families there is
# equivalent to the full alternation (which would fail every other branch) and much cheaper.
_BE = _family_pattern("recog_passive", "member_stay")  # "is recognised by", "is (not) part of"
_PASSIVE = _family_pattern("recog_passive")
_HAVE = _family_pattern("ties_have", "ties_est")  # "have no relations", "has an embassy in"
_STATE = _family_pattern("agr_state")
_PARTY = _family_pattern("member_noun")
_NO = _family_pattern("member_leave")
_FAST: dict[str, re.Pattern[str]] = {
    **dict.fromkeys(("is", "are", "was", "were"), _BE),
    **dict.fromkeys(("been", "being"), _PASSIVE),
    **dict.fromkeys(("have", "having", "with"), _HAVE),
    "a": _PARTY,
    "no": _NO,
    **dict.fromkeys(("state", "states", "country", "countries", "nation", "nations", "economies"), _STATE),
}
_WORD = re.compile(r"\w+")
_PARSER: Any = importlib.import_module("re._parser")  # the stdlib's own regex parser (no stubs)

# Only the families that can start where a head is need be tried: the head found (say "talks") fixes
# the first characters of the text, and most families cannot start with them (trying those that can,
# in their original order, finds what the full alternation finds). ``_starts`` reads from a family's
# parse tree the strings of up to ``_SEEN`` characters its matches can begin with (folded, as the
# head is); a family is kept for a head when one of them agrees with the head's start. What it
# cannot bound reads as "any".
_SEEN = 4
_ANYCHAR = "\0"  # stands for any character
_Starts = frozenset[tuple[str, bool]]  # (start of a match, whether the match ends right there)
_UNKNOWN: _Starts = frozenset({(_ANYCHAR * _SEEN, False)})


def _then(left: _Starts, right: _Starts) -> _Starts:
    """The starts of a match of one item followed by a match of the next."""
    out: set[tuple[str, bool]] = set()
    for a, a_ends in left:
        if not a_ends or len(a) >= _SEEN:
            out.add((a[:_SEEN], False))
            continue
        for b, b_ends in right:
            both = a + b
            out.add((both[:_SEEN], b_ends and len(both) <= _SEEN))
    return frozenset(out)


def _starts(items: Any) -> _Starts:
    """The starts (see ``_SEEN``) of the matches of a parsed pattern (a superset; assertions ignored)."""
    out: _Starts = frozenset({("", True)})
    for op, arg in items:
        out = _then(out, _item_starts(str(op), arg))
        if all(not ends for _, ends in out):
            break  # every start is complete: the rest cannot change them
    return out


def _item_starts(name: str, arg: Any) -> _Starts:
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return frozenset({("", True)})  # zero-width
    if name == "LITERAL":
        return frozenset({(fold(chr(arg)), True)})
    if name == "IN" and all(str(o) in ("LITERAL", "RANGE") for o, _ in arg):
        chars: set[str] = set()
        for o, a in arg:
            chars |= {chr(a)} if str(o) == "LITERAL" else {chr(c) for c in range(a[0], a[1] + 1)}
        return frozenset((fold(ch), True) for ch in chars)
    if name in ("IN", "ANY", "NOT_LITERAL"):
        return frozenset({(_ANYCHAR, True)})
    if name == "SUBPATTERN":
        return _starts(arg[3])
    if name == "BRANCH":
        return frozenset().union(*(_starts(branch) for branch in arg[1]))
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, sub = arg[0], arg[1], _starts(arg[2])
        out: set[tuple[str, bool]] = set()
        now: _Starts = frozenset({("", True)})
        for n in range(min(high, low + _SEEN + 1) + 1):  # more rounds add nothing within _SEEN
            if n >= low:
                out |= now
            now = _then(now, sub)
        return frozenset(out)
    return _UNKNOWN


def _agrees(start: str, head: str) -> bool:
    return all(a in (_ANYCHAR, b) for a, b in zip(start, head, strict=False))  # (only the shorter's length)


def _by_head() -> dict[str, re.Pattern[str]]:
    """For each head word, the alternation of only the families that can start with it (in their
    original order); families sets shared by several heads share one compiled pattern."""
    starts = {name: _starts(_PARSER.parse(pattern, re.I)) for name, pattern in FAMILIES}
    compiled: dict[tuple[str, ...], re.Pattern[str]] = {}
    table: dict[str, re.Pattern[str]] = {}
    for head in {*_HEADS, "re-"}:
        names = tuple(n for n, _ in FAMILIES if any(_agrees(s, head) for s, _ in starts[n]))
        if names not in compiled:
            compiled[names] = _family_pattern(*names) if names else re.compile("(?!)")
        table[head] = compiled[names]
    return table


_BY_HEAD = _by_head()
# every head the trie can find at a word of _FAST (a word lower-cased to one of them is ASCII, as they are)
_FAST_HEADS = frozenset(h for h in _HEADS if any(word.startswith(h) for word in _FAST))


def find_triggers(text: str, start: int, end: int, folded: str | None = None) -> list[re.Match[str]]:
    """Non-overlapping trigger matches in ``text[start:end]``, left to right (as ``finditer``);
    ``folded`` is ``fastre.fold(text)`` if the caller has it."""
    found: list[re.Match[str]] = []
    pos = start
    head_end = start  # heads do not overlap (as _HEAD_FOLDED.finditer gives them)
    for head in _heads(fold(text) if folded is None else folded, start, end):
        at = head.end()  # (each match ends where its head starts)
        if at < head_end:
            continue  # a head inside the previous one ("recogn" in "de-recogn"): finditer never saw it
        word = head.group(1)
        head_end = at + len(word)
        if at < pos:
            continue
        pattern = _BY_HEAD[word]
        if word in _FAST_HEADS:  # (no other head starts a word of _FAST)
            whole = _WORD.match(text, at)  # the whole word, even past ``end``: the table wants all of it
            if whole:
                pattern = _FAST.get(whole.group().lower(), pattern)
        m = pattern.match(text, at, end)
        if m and m.end() > m.start():
            found.append(m)
            pos = m.end()
    return found


def _heads(folded: str, start: int, end: int) -> list[re.Match[str]]:
    """Where a head starts in ``folded[start:end]``, in order (overlapping ones too): the
    non-word character before each (the one at ``start - 1`` too), and the text's start."""
    if start > 0:
        return list(_HEAD_AFTER.finditer(folded, start - 1, end))
    first = _HEAD_AT.match(folded, 0, end)
    return ([first] if first else []) + list(_HEAD_AFTER.finditer(folded, 0, end))
