"""Loaded language: which words frame the story.

The lexicon ``lexicons/loaded_terms.csv`` (columns documented in
``lexicons/README.md``) lists terms with a category (``hostile_reporting_verb``,
``diplomatic_formula``, ...) and a direction: ``pro_government`` when the term
frames events in the Chinese government's favour (its own formulas, labels for
its critics), ``anti_government`` when it frames them against it, ``none`` when
it is loaded without a built-in target.

Counting follows ``shared/gold/SCHEMA.md``: case-insensitive, whole words,
hyphen and space variants (``so-called`` = ``so called``) counted as one term.
A hit's ``term`` is the lexicon form that matched, lower-cased and spelled as
in the lexicon: ``lambasted`` for the entry ``lambaste`` (``inflect=yes``),
``crackdown`` for a listed variant of ``crack down``. So term counts compare
with the gold's counts of surface forms, while ``entry`` (the headword) gives
counts by lemma. Hits may overlap (``cold war`` inside
``cold war mentality``): each term is counted wherever it occurs; ``nested``
marks a hit inside a longer one, and category counts leave nested hits out.

Besides the term scan the module finds what each "so-called" labels, short
quoted fragments (partial or scare quotes), the stance of reporting verbs per
side, keyword-in-context rows for any count, and the keyness of terms between
two sub-corpora.
"""

from __future__ import annotations

import csv
import json
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick
import numpy as np
import pandas as pd

from analysis.corpus import InputError, count_words, load_corpus

LEXICON_PATH = Path(__file__).with_name("lexicons") / "loaded_terms.csv"
REPORTING_VERBS_PATH = Path(__file__).with_name("lexicons") / "reporting_verbs.csv"
LEXICON_COLUMNS = ["term", "variants", "inflect", "not_followed_by", "category", "direction", "note", "source"]
DIRECTIONS = ("pro_government", "anti_government", "none")
HIT_COLUMNS = ["article", "paragraph", "term", "entry", "category", "direction", "match", "start", "end", "nested"]
LEVELS = ("term", "entry", "category", "direction")

# A verb particle after the first word means the first word is the verb to inflect ("crack down").
_PARTICLES = frozenset("down up out back off against in on with to at for into about over away".split())
_VOWELS = frozenset("aeiou")


# ---------------------------------------------------------------- lexicon


def load_lexicon(lexicon=None, *, replace: bool = False) -> pd.DataFrame:
    """The shipped lexicon, extended (or, with ``replace=True``, replaced) by ``lexicon``.

    ``lexicon`` is None, a CSV path or a DataFrame with at least ``term`` and
    ``category``; a user row whose term is already shipped overrides it. A bad
    row raises ``InputError("<file>: row N: <problem>")`` (row 1 is the header).
    """
    shipped = _shipped_lexicon()
    if lexicon is None or (isinstance(lexicon, str) and not lexicon):
        if replace:
            raise InputError("replace=True needs a lexicon to replace the shipped one")
        return shipped
    user = _read_lexicon(lexicon)
    if replace:
        return user
    keep = ~shipped["term"].str.lower().isin(set(user["term"].str.lower()))
    return pd.concat([user, shipped[keep]], ignore_index=True)


@lru_cache(maxsize=1)
def _shipped_lexicon_cached(mtime: float) -> pd.DataFrame:
    return _read_lexicon(LEXICON_PATH)


def _shipped_lexicon() -> pd.DataFrame:
    """The shipped lexicon, read once per change of the file."""
    return _shipped_lexicon_cached(LEXICON_PATH.stat().st_mtime).copy()


def _read_lexicon(source) -> pd.DataFrame:
    """A lexicon CSV or frame, checked row by row and filled with the optional columns' defaults."""
    if isinstance(source, pd.DataFrame):
        label, frame = "lexicon frame", source.copy()
    else:
        label = str(source)
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{label}: row 0: lexicon file not found")
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            raise InputError(f"{label}: row 1: cannot read CSV ({str(error).splitlines()[0]})") from None
    missing = [column for column in ("term", "category") if column not in frame.columns]
    if missing:
        raise InputError(f"{label}: row 1: missing column(s) {', '.join(missing)}")
    frame = frame.fillna("").astype(str)
    for column, default in (("variants", ""), ("inflect", "no"), ("not_followed_by", ""), ("direction", "none"),
                            ("note", ""), ("source", "")):
        if column not in frame.columns:
            frame[column] = default
    rows = []
    seen: set[str] = set()
    for number, row in enumerate(frame.to_dict("records"), start=2):
        term = " ".join(row["term"].split())
        inflect = row["inflect"].strip().lower() or "no"
        direction = row["direction"].strip() or "none"
        category = row["category"].strip()
        if not term:
            raise InputError(f"{label}: row {number}: empty term")
        if not re.search(r"\w", term):
            raise InputError(f"{label}: row {number}: term {term!r} has no letters")
        if not category:
            raise InputError(f"{label}: row {number}: empty category")
        if inflect not in ("yes", "no"):
            raise InputError(f"{label}: row {number}: inflect {row['inflect']!r} is not yes or no")
        if direction not in DIRECTIONS:
            raise InputError(f"{label}: row {number}: direction {direction!r} is not one of {', '.join(DIRECTIONS)}")
        if term.lower() in seen:
            raise InputError(f"{label}: row {number}: term {term!r} is listed twice")
        seen.add(term.lower())
        variants = "|".join(" ".join(v.split()) for v in row["variants"].split("|") if v.strip())
        blocked = "|".join(word.strip().lower() for word in row["not_followed_by"].split("|") if word.strip())
        if any(not re.fullmatch(r"\w+", word) for word in blocked.split("|") if word):
            raise InputError(f"{label}: row {number}: not_followed_by takes single words separated by |")
        rows.append({"term": term, "variants": variants, "inflect": inflect, "not_followed_by": blocked, "category": category,
                     "direction": direction, "note": row["note"].strip(), "source": row["source"].strip()})
    return pd.DataFrame(rows, columns=LEXICON_COLUMNS)


def inflections(word: str) -> list[str]:
    """Regular English inflections of one word (-s/-es/-ies, -ed/-d/-ied, -ing, doubled consonant).

    Over-generation is harmless: a form that is not a word never matches.
    """
    w = word.lower()
    if len(w) < 3 or not w[-1].isalpha():
        return [w]
    if w.endswith("y") and w[-2] not in _VOWELS:
        forms = [w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    elif w.endswith("e"):
        forms = [w, w + "s", w + "d", w[:-1] + "ing"]
    elif w.endswith(("s", "x", "z", "ch", "sh")):
        forms = [w, w + "es", w + "ed", w + "ing"]
    else:
        forms = [w, w + "s", w + "ed", w + "ing"]
        if w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            forms += [w + w[-1] + "ed", w + w[-1] + "ing"]
    return forms


def _phrase_inflections(phrase: str) -> list[str]:
    """Inflect the verb of a phrase: the first word before a particle, else the last word."""
    words = phrase.split(" ")
    index = 0 if len(words) > 1 and words[1].lower() in _PARTICLES else len(words) - 1
    return [" ".join(words[:index] + [form] + words[index + 1:]) for form in inflections(words[index])]


# Text and keys go through the same fold: ASCII letters lower-cased, ASCII punctuation and
# white space (and a few Unicode dashes and spaces) turned into a space. Byte-to-byte on UTF-8 keeps
# character offsets, and a key padded with spaces can then only match whole words, so hyphen and
# space spellings are one key and no boundary check is needed after the automaton.
_FOLD_BYTES = bytes.maketrans(
    (string.ascii_uppercase + string.punctuation + string.whitespace).encode("ascii"),
    (string.ascii_lowercase + " " * (len(string.punctuation) + len(string.whitespace))).encode("ascii"),
)
# Unicode dashes, ellipsis, curly quotes, bullets and special spaces, as UTF-8 byte sequences (all start
# with 0xC2 or 0xE2): each becomes one ASCII space, so after decoding every character keeps its offset.
_UNICODE_SEPARATORS = frozenset(char.encode("utf-8") for char in (
    "\u2010\u2011\u2012\u2013\u2014\u2015\u2018\u2019\u201c\u201d\u2022\u2026\u00a0\u00b7\u2002\u2003\u2009\u202f"))


def fold(text: str) -> str:
    """Lower-case ASCII letters and blank punctuation, keeping every character's offset."""
    data = text.encode("utf-8")
    if not text.isascii():
        data = _blank_unicode_separators(data)
    return data.translate(_FOLD_BYTES).decode("utf-8")


def _blank_unicode_separators(data: bytes) -> bytes:
    cuts = []
    for lead, width in ((0xC2, 2), (0xE2, 3)):
        index = data.find(lead)
        while index != -1:
            if data[index:index + width] in _UNICODE_SEPARATORS:
                cuts.append((index, index + width))
            index = data.find(lead, index + 1)
    if not cuts:
        return data
    cuts.sort()
    pieces, last = [], 0
    for begin, end in cuts:
        pieces.append(data[last:begin])
        last = end
    pieces.append(data[last:])
    return b" ".join(pieces)


def lexicon_forms(lexicon: pd.DataFrame) -> pd.DataFrame:
    """One row per searchable key: key (folded form padded with spaces), term (lexicon form), entry index, given.

    ``given`` is True for a headword or listed variant, False for a generated
    inflection; when two entries yield one key the given form wins, then the
    earlier entry.
    """
    rows = []
    for index, entry in enumerate(lexicon.itertuples(index=False)):
        listed = [entry.term] + [v for v in entry.variants.split("|") if v]
        for form in listed:
            form = form.lower()
            generated = _phrase_inflections(form) if entry.inflect == "yes" else [form]
            for candidate in generated:
                for key in {fold(candidate), fold(candidate.title())}:
                    if key.strip():
                        rows.append((f" {' '.join(key.split(' ')).strip(' ')} ", candidate, index, candidate == form))
    forms = pd.DataFrame(rows, columns=["key", "term", "entry_index", "given"])
    forms = forms.sort_values(["key", "given", "entry_index"], ascending=[True, False, True], kind="stable")
    return forms.drop_duplicates("key").reset_index(drop=True)


def _scanner(lexicon, replace: bool) -> tuple[pd.DataFrame, ahocorasick.Automaton, dict[int, frozenset]]:
    """The lexicon table, its automaton and blocked next words (see :func:`_automaton_for`); the shipped
    lexicon's are looked up by the file's modification time, as turning a table into a cache key costs
    milliseconds a call."""
    if lexicon is None and not replace:
        return _shipped_scanner(LEXICON_PATH.stat().st_mtime)
    table = load_lexicon(lexicon, replace=replace)
    return (table, *_automaton_for(_rows(table)))


@lru_cache(maxsize=1)
def _shipped_scanner(mtime: float) -> tuple[pd.DataFrame, ahocorasick.Automaton, dict[int, frozenset]]:
    table = _shipped_lexicon_cached(mtime)
    return (table, *_automaton_for(_rows(table)))


def _rows(table: pd.DataFrame) -> tuple:
    return tuple(zip(*(table[column].tolist() for column in LEXICON_COLUMNS)))


@lru_cache(maxsize=8)
def _automaton_for(lexicon_rows: tuple) -> tuple[ahocorasick.Automaton, dict[int, frozenset]]:
    """The Aho-Corasick automaton of a lexicon (given as a tuple of its rows, so it can be cached),
    and the words that may not follow each entry that has such words."""
    table = pd.DataFrame(list(lexicon_rows), columns=LEXICON_COLUMNS)
    forms = lexicon_forms(table)
    automaton = ahocorasick.Automaton()
    for key, term, entry_index in forms[["key", "term", "entry_index"]].itertuples(index=False, name=None):
        automaton.add_word(key, (len(key), term, entry_index))
    automaton.make_automaton()
    blocked = {index: frozenset(words.split("|")) for index, words in enumerate(table["not_followed_by"]) if words}
    return automaton, blocked


# ---------------------------------------------------------------- term hits


def find_terms(paragraphs: pd.DataFrame, *, lexicon=None, replace: bool = False) -> pd.DataFrame:
    """One row per lexicon hit: article, paragraph, term, entry, category, direction, match, start, end, nested.

    ``start``/``end`` are character offsets into the paragraph text, ``match``
    the text as written. One Aho-Corasick pass over the whole folded corpus;
    a hit followed by one of its entry's ``not_followed_by`` words is dropped
    ("lies" in "the answer lies in").
    """
    table, automaton, blocked = _scanner(lexicon, replace)
    texts = [text if isinstance(text, str) else str(text) for text in paragraphs["text"].tolist()]
    joined = "\n".join(texts)
    folded = " " + fold(joined) + " "
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths[:-1] + 1))) if texts else lengths
    # key = " word ": the hit starts one past the key's first character (offsets of ``joined``).
    found = [(last - length + 1, last - 1, term, entry_index) for last, (length, term, entry_index) in automaton.iter(folded)
             if entry_index not in blocked or _next_word(folded, last) not in blocked[entry_index]]
    if not found:
        return pd.DataFrame({column: pd.Series(dtype=dtype) for column, dtype in _HIT_DTYPES.items()})
    found.sort(key=lambda hit: (hit[0], -hit[1], hit[2]))  # by start, the longest first, then by term
    begins, ends, terms, entry_indexes = zip(*found)
    begins, ends = np.array(begins, dtype=np.int64), np.array(ends, dtype=np.int64)
    rows = np.searchsorted(starts, begins, side="right") - 1
    entries = list(entry_indexes)
    # Built column by column with their final types: a frame of inferred strings, sorted and
    # converted afterwards, costs several times the scan itself on a chunk of a few hundred hits.
    return pd.DataFrame({
        "article": _objects(paragraphs["article"].to_numpy()[rows]),
        "paragraph": pd.Series(paragraphs["paragraph"].to_numpy()[rows]).astype("int64"),
        "term": _objects(terms),
        "entry": _objects(table["term"].str.lower().to_numpy()[entries]),
        "category": _objects(table["category"].to_numpy()[entries]),
        "direction": _objects(table["direction"].to_numpy()[entries]),
        "match": _objects([joined[begin:end] for begin, end in zip(begins.tolist(), ends.tolist())]),
        "start": begins - starts[rows],
        "end": ends - starts[rows],
        "nested": _nested(begins.tolist(), ends.tolist()),
    })


def _objects(values) -> pd.Series:
    """A column of Python strings (``object``, not the inferred string type), as the hit table documents."""
    return pd.Series(values, dtype=object)


_NEXT_WORD = re.compile(r" *(\w*)")


def _next_word(folded: str, position: int) -> str:
    """The word after ``position`` in folded text (punctuation is already blank)."""
    return _NEXT_WORD.match(folded, position).group(1)


_HIT_DTYPES = {"article": object, "paragraph": "int64", "term": object, "entry": object, "category": object,
               "direction": object, "match": object, "start": "int64", "end": "int64", "nested": bool}


def _nested(begins: list[int], ends: list[int]) -> np.ndarray:
    """True for a span inside an earlier-listed longer span (spans sorted by start, longest first)."""
    nested = np.zeros(len(begins), dtype=bool)
    reach = -1
    for index, (begin, end) in enumerate(zip(begins, ends)):
        if end <= reach:
            nested[index] = True
        reach = max(reach, end)
    return nested


def term_rates(hits: pd.DataFrame, articles: pd.DataFrame, *, by: str = "article", level: str = "term") -> pd.DataFrame:
    """Counts and rates per 1,000 words by article, outlet or corpus, per term, entry, category or direction.

    Columns: the group column (article / outlet / corpus), the level column,
    count, words (of the whole group), per_1000_words. Category and direction
    counts leave out nested hits so an occurrence counts once.
    """
    if by not in ("article", "outlet", "corpus"):
        raise ValueError(f"by must be article, outlet or corpus, not {by!r}")
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    used = hits if level in ("term", "entry") else hits[~hits["nested"]]
    words = articles[["article", "outlet", "n_words"]].copy()
    words["corpus"] = "corpus"
    group = by
    if by == "article":
        totals = words.groupby("article", sort=True)["n_words"].sum()
        keys = used["article"]
    else:
        totals = words.groupby(group, sort=True)["n_words"].sum()
        keys = used["article"].map(words.set_index("article")[group]) if by == "outlet" else pd.Series("corpus", index=used.index)
    counts = (pd.DataFrame({group: keys.to_numpy(), level: used[level].to_numpy()})
              .groupby([group, level], sort=True).size().rename("count").reset_index())
    counts["words"] = counts[group].map(totals).fillna(0).astype("int64")
    counts["per_1000_words"] = np.where(counts["words"] > 0, 1000 * counts["count"] / counts["words"].where(counts["words"] > 0, 1), np.nan)
    counts["per_1000_words"] = counts["per_1000_words"].round(4)
    return counts.sort_values([group, "count", level], ascending=[True, False, True], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- "so-called" targets

_SO_CALLED = re.compile(r"(?<![\w-])so[- ]called(?![\w-])", re.IGNORECASE)
_NP_STOP = frozenset("""
of in on at for to from by with against about over under into onto between among through during as than like via
and or but nor yet so because while although though if unless whether
that which who whom whose where when why how
is are was were be been being am has have had do does did will would can could should may might must shall
said says say claimed claims claim called calls reported
began held taught made took gave came went became sought brought got told thought seemed seems remains means denies
not no this these those its their his her our your my the a an
such rather just now also even only still then there here already again else all some much very
""".split())
_NP_END = re.compile(r"[,.;:!?()\[\]\"]")


def so_called_targets(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """For each "so-called": the phrase it labels.

    The quoted phrase that follows (``so-called "over-capacity,"`` ->
    ``over-capacity``), else the words that follow up to punctuation, a
    preposition, conjunction, relative word, auxiliary, or a lower-case -ed/-ly
    word after the first (a verb or adverb; at most six words):
    ``the so-called human rights issue of Xinjiang`` -> ``human rights issue``.
    Columns: article, paragraph, start, end (of "so-called"), target, quoted.
    """
    rows = []
    for article, paragraph, text in paragraphs[["article", "paragraph", "text"]].itertuples(index=False):
        text = str(text)
        for found in _SO_CALLED.finditer(text):
            target, quoted = _target_after(text, found.end())
            rows.append((article, int(paragraph), found.start(), found.end(), target, quoted))
    frame = pd.DataFrame(rows, columns=["article", "paragraph", "start", "end", "target", "quoted"])
    return frame.astype({"paragraph": "int64", "start": "int64", "end": "int64", "quoted": bool})


def _target_after(text: str, position: int) -> tuple[str, bool]:
    rest = text[position:].lstrip()
    if rest[:1] in ('"', "'"):
        mark = rest[0]
        closing = _closing_quote(rest, mark)
        if closing > 1:
            return rest[1:closing].strip().strip(",.;:!?").strip(), True
        rest = rest[1:]
    words = []
    for token in rest.split():
        cut = _NP_END.search(token)
        piece = token[:cut.start()] if cut else token
        piece = piece.removesuffix("'s").removesuffix("'")
        if not any(char.isalnum() for char in piece) or piece.lower() in _NP_STOP:
            break
        if words and piece.islower() and piece.endswith(("ed", "ly")):  # a verb or adverb after the noun
            break
        words.append(piece)
        if cut or len(words) == 6:
            break
    return " ".join(words), False


def _closing_quote(rest: str, mark: str) -> int:
    """Index of the quote mark closing the one at ``rest[0]`` (-1 if none); an apostrophe inside a word is no mark."""
    for index in range(1, len(rest)):
        if rest[index] == mark and not (mark == "'" and index + 1 < len(rest) and rest[index + 1].isalpha() and rest[index - 1].isalpha()):
            return index
    return -1


def so_called_counts(targets: pd.DataFrame) -> pd.DataFrame:
    """How often each target is called "so-called": target (lower-cased), count, articles."""
    frame = targets.assign(target=targets["target"].str.lower().str.strip())
    frame = frame[frame["target"] != ""]
    table = frame.groupby("target", sort=True).agg(count=("paragraph", "size"), articles=("article", "nunique")).reset_index()
    return table.sort_values(["count", "target"], ascending=[False, True], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- quoted fragments

_CLOSING_NEIGHBOURS = ".,;:!?)]}'-"
_SINGLE_QUOTED = re.compile(r"(?<![\w'])'(?=\w)([^'\"]*?\w[.,!?]?)'(?![\w])")
_SENTENCE_END = re.compile(r"[.!?,][\"')\]]*$")
FRAGMENT_COLUMNS = ["article", "paragraph", "start", "end", "text", "n_words", "speaker", "kind", "so_called"]


def quoted_fragments(paragraphs: pd.DataFrame, attributions: pd.DataFrame | None = None, *, max_words: int = 6) -> pd.DataFrame:
    """Every short quoted phrase (at most ``max_words`` words, not a whole sentence).

    A fragment in a paragraph where ``attributions`` credit a source is a
    ``partial_quote`` of that source (the one whose statement carries quoted
    words, else the first credited); otherwise it is a ``scare_quote`` with
    speaker "". ``so_called`` is True when "so-called" directly precedes it.
    ``attributions=None`` runs :func:`analysis.attribution.extract_attributions`.
    """
    if attributions is None:
        from analysis.attribution import extract_attributions

        attributions = extract_attributions(paragraphs)
    speakers = _paragraph_speakers(attributions)
    rows = []
    for article, paragraph, text in paragraphs[["article", "paragraph", "text"]].itertuples(index=False):
        text = str(text)
        for start, end, inner in _quoted_spans(text):
            words = count_words(inner)
            if words == 0 or words > max_words or _is_sentence(inner):
                continue
            speaker = speakers.get(int(paragraph), "")
            so_called = bool(re.search(r"(?<![\w-])so[- ]called\s*$", text[:start], re.IGNORECASE))
            rows.append((article, int(paragraph), start, end, inner.strip().rstrip(",.;:").rstrip(), words, speaker,
                         "partial_quote" if speaker else "scare_quote", so_called))
    frame = pd.DataFrame(rows, columns=FRAGMENT_COLUMNS)
    frame = frame.astype({"paragraph": "int64", "start": "int64", "end": "int64", "n_words": "int64", "so_called": bool})
    return frame.sort_values(["paragraph", "start"], kind="stable").reset_index(drop=True)


def _quoted_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of double-quoted passages and of single-quoted ones (also inside double quotes)."""
    spans = [(start, end, text[start + 1:end - 1]) for start, end in _double_quote_pairs(text)]
    spans += [(m.start(), m.end(), m.group(1)) for m in _SINGLE_QUOTED.finditer(text)]
    return sorted(spans)


def _double_quote_pairs(text: str) -> list[tuple[int, int]]:
    """Pair double quote marks by their side: a mark after a space opens, one before a space or punctuation closes.

    A quotation carried on from the previous paragraph (a closing mark with no
    opening) or on to the next (an opening mark never closed) is skipped
    instead of shifting every later pair; a mark that reads both ways toggles.
    """
    pairs, opened = [], None
    for index in (i for i, char in enumerate(text) if char == '"'):
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        opens = (before.isspace() or before in "([{-/") and not after.isspace()
        closes = not before.isspace() and (after.isspace() or after in _CLOSING_NEIGHBOURS)
        if opens == closes:
            opens = opened is None
        if opens:
            opened = index
        elif opened is not None:
            pairs.append((opened, index + 1))
            opened = None
    return pairs


def _is_sentence(inner: str) -> bool:
    """A whole quoted sentence: three words or more, a capital first, and . ! ? or the comma before "X said" last."""
    bare = inner.strip()
    return bool(bare) and bare[0].isupper() and bool(_SENTENCE_END.search(bare)) and count_words(bare) >= 3


def _paragraph_speakers(attributions: pd.DataFrame) -> dict[int, str]:
    """Per paragraph, the source a quoted fragment belongs to: first with quoted words, else first credited."""
    if attributions is None or attributions.empty:
        return {}
    frame = attributions.reset_index(drop=True)
    quoted = frame.get("quote", pd.Series("", index=frame.index)).isin(["mixed", "direct"])
    frame = frame.assign(_rank=np.where(quoted, 0, 1), _order=np.arange(len(frame)))
    frame = frame.sort_values(["paragraph", "_rank", "_order"], kind="stable")
    first = frame.drop_duplicates("paragraph")
    return {int(p): str(s) for p, s in zip(first["paragraph"], first["speaker"]) if str(s)}


# ---------------------------------------------------------------- reporting-verb stance


def verb_stance(attributions: pd.DataFrame) -> pd.DataFrame:
    """Cue stance (neutral / evaluative) crossed with speaker origin and category.

    Columns: origin, category (plus an ``all`` row per origin), stance,
    statements, share (of that origin-category's statements). Shows whether one
    side "says" while the other "claims". Stance comes from
    :func:`analysis.attribution.cue_stance`.
    """
    stance_of = _cue_stance_function()
    columns = ["origin", "category", "stance", "statements", "share"]
    if attributions.empty:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame({
        "origin": attributions["origin"].fillna("").astype(str).to_numpy(),
        "category": attributions["category"].fillna("").astype(str).to_numpy(),
        "stance": [stance_of(str(cue)) if isinstance(cue, str) and cue.strip() else "neutral" for cue in attributions["cue"]],
    })
    both = pd.concat([frame, frame.assign(category="all")], ignore_index=True)
    table = both.groupby(["origin", "category", "stance"], sort=True).size().rename("statements").reset_index()
    full = pd.MultiIndex.from_product([sorted(both["origin"].unique()), ["neutral", "evaluative"]], names=["origin", "stance"])
    pairs = both[["origin", "category"]].drop_duplicates()
    grid = pairs.merge(full.to_frame(index=False), on="origin")
    table = grid.merge(table, on=["origin", "category", "stance"], how="left").fillna({"statements": 0})
    table["statements"] = table["statements"].astype("int64")
    totals = table.groupby(["origin", "category"])["statements"].transform("sum")
    table["share"] = (table["statements"] / totals).round(4)
    table["_all"] = table["category"] == "all"
    table["_stance"] = table["stance"].map({"neutral": 0, "evaluative": 1}).fillna(2)
    table = table.sort_values(["origin", "_all", "category", "_stance"], kind="stable")
    return table[columns].reset_index(drop=True)


def _cue_stance_function():
    """``analysis.attribution.cue_stance`` when present, else the first listed form of reporting_verbs.csv decides."""
    try:
        from analysis.attribution import cue_stance
    except ImportError:
        return _fallback_cue_stance
    return cue_stance


def _fallback_cue_stance(cue: str) -> str:
    forms = _reporting_forms()
    words = cue.lower().split()
    for length in range(len(words), 0, -1):
        stance = forms.get(" ".join(words[:length]))
        if stance:
            return stance
    return "neutral"


@lru_cache(maxsize=1)
def _reporting_forms() -> dict[str, str]:
    with open(REPORTING_VERBS_PATH, newline="", encoding="utf-8") as handle:
        return {form.strip().lower(): row["stance"] for row in csv.DictReader(handle) for form in row["forms"].split("|")}


# ---------------------------------------------------------------- keyword in context


def kwic(paragraphs: pd.DataFrame, term_or_hits, *, width: int = 60) -> pd.DataFrame:
    """Keyword in context for a term (any phrase, matched like lexicon terms) or for a hits frame.

    Columns: article, paragraph, start, end, left, match, right: ``width``
    characters each side, so every count can be traced to its rows.
    """
    if isinstance(term_or_hits, pd.DataFrame):
        hits = term_or_hits
    else:
        phrase = " ".join(str(term_or_hits).split())
        if not phrase:
            raise ValueError("kwic needs a non-empty term")
        own = pd.DataFrame([{"term": phrase, "category": "query"}])
        hits = find_terms(paragraphs, lexicon=own, replace=True)
    texts = dict(zip(paragraphs["paragraph"].astype("int64"), paragraphs["text"].astype(str)))
    rows = []
    for article, paragraph, start, end in hits[["article", "paragraph", "start", "end"]].itertuples(index=False):
        text = texts[int(paragraph)]
        rows.append((article, int(paragraph), int(start), int(end), text[max(0, start - width):start],
                     text[start:end], text[end:end + width]))
    frame = pd.DataFrame(rows, columns=["article", "paragraph", "start", "end", "left", "match", "right"])
    frame = frame.astype({"paragraph": "int64", "start": "int64", "end": "int64"})
    return frame.sort_values(["paragraph", "start", "end"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------- comparing two sub-corpora


def log_likelihood(count_a: np.ndarray, words_a: int, count_b: np.ndarray, words_b: int) -> np.ndarray:
    """Rayson & Garside (2000) log-likelihood G2 of a term's frequency in corpus A against corpus B."""
    count_a, count_b = np.asarray(count_a, dtype=float), np.asarray(count_b, dtype=float)
    expected_a = words_a * (count_a + count_b) / (words_a + words_b)
    expected_b = words_b * (count_a + count_b) / (words_a + words_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        part_a = np.where(count_a > 0, count_a * np.log(count_a / expected_a), 0.0)
        part_b = np.where(count_b > 0, count_b * np.log(count_b / expected_b), 0.0)
    return 2 * (part_a + part_b)


def compare_corpora(hits_a: pd.DataFrame, words_a: int, hits_b: pd.DataFrame, words_b: int, *,
                    level: str = "term", labels: tuple[str, str] = ("a", "b")) -> pd.DataFrame:
    """Per term: counts and rates per 1,000 words in A and B, rate difference (A - B), G2, which side uses it more.

    Sorted by G2 (largest first), then term. Category/direction levels leave
    nested hits out, as in :func:`term_rates`.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    if words_a <= 0 or words_b <= 0:
        raise ValueError("both sub-corpora need words")
    name_a, name_b = labels

    def counts(hits):
        used = hits if level in ("term", "entry") else hits[~hits["nested"]]
        return used.groupby(level).size()

    table = pd.concat([counts(hits_a).rename("count_a"), counts(hits_b).rename("count_b")], axis=1).fillna(0)
    table = table.astype("int64").rename_axis(level).reset_index()
    table["per_1000_a"] = (1000 * table["count_a"] / words_a).round(4)
    table["per_1000_b"] = (1000 * table["count_b"] / words_b).round(4)
    table["rate_difference"] = (table["per_1000_a"] - table["per_1000_b"]).round(4)
    table["g2"] = log_likelihood(table["count_a"], words_a, table["count_b"], words_b).round(4)
    table["more_in"] = np.select([table["rate_difference"] > 0, table["rate_difference"] < 0], [name_a, name_b], "equal")
    table = table.sort_values(["g2", level], ascending=[False, True], kind="stable").reset_index(drop=True)
    return table.rename(columns={"count_a": f"count_{name_a}", "count_b": f"count_{name_b}",
                                 "per_1000_a": f"per_1000_{name_a}", "per_1000_b": f"per_1000_{name_b}"})


@dataclass(frozen=True)
class Comparison:
    """Two sub-corpora to compare: labels, articles and paragraphs of each."""

    label_a: str
    label_b: str
    articles_a: pd.DataFrame
    paragraphs_a: pd.DataFrame
    articles_b: pd.DataFrame
    paragraphs_b: pd.DataFrame


def comparison_corpora(corpus_a: str | Path, corpus_b: str | Path, corpus: str | Path) -> Comparison:
    """Load A and B; when either path is missing, split ``corpus`` into its first and second half of articles."""
    if corpus_a and corpus_b and Path(corpus_a).exists() and Path(corpus_b).exists():
        a, b = load_corpus(corpus_a), load_corpus(corpus_b)
        return Comparison(Path(corpus_a).stem, Path(corpus_b).stem, a.articles, a.paragraphs, b.articles, b.paragraphs)
    whole = load_corpus(corpus)
    ids = whole.articles["article"].tolist()
    if len(ids) < 2:
        raise InputError(f"{corpus}: needs at least two articles to split into halves")
    first = set(ids[: len(ids) // 2])
    in_a = whole.articles["article"].isin(first)
    para_a = whole.paragraphs["article"].isin(first)
    return Comparison("first_half", "second_half", whole.articles[in_a].reset_index(drop=True),
                      whole.paragraphs[para_a].reset_index(drop=True), whole.articles[~in_a].reset_index(drop=True),
                      whole.paragraphs[~para_a].reset_index(drop=True))


def compare_comparison(comparison: Comparison, *, lexicon=None, level: str = "term") -> pd.DataFrame:
    """:func:`compare_corpora` on the two sub-corpora of a :class:`Comparison`."""
    hits_a = find_terms(comparison.paragraphs_a, lexicon=lexicon)
    hits_b = find_terms(comparison.paragraphs_b, lexicon=lexicon)
    return compare_corpora(hits_a, int(comparison.articles_a["n_words"].sum()), hits_b,
                           int(comparison.articles_b["n_words"].sum()), level=level,
                           labels=(comparison.label_a, comparison.label_b))


# ---------------------------------------------------------------- notebook helpers


def top_terms(rates: pd.DataFrame, n: int = 5) -> pd.DataFrame:
    """The ``n`` most frequent rows per group of a :func:`term_rates` table (its first column is the group)."""
    group = rates.columns[0]
    return rates.groupby(group, sort=True, group_keys=False).head(n).reset_index(drop=True)


def gold_term_counts(hits: pd.DataFrame, gold: str | Path, corpus: str | Path) -> pd.DataFrame | None:
    """Found against gold counts for every term of ``<gold>.terms.json``.

    None when there is no such file or it was made on another text (its
    ``text`` names a file other than ``corpus``). Columns: term, gold, found,
    exact. Counting rules: ``shared/gold/SCHEMA.md``.
    """
    path = Path(f"{gold}.terms.json") if str(gold) else None
    if path is None or not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("text") and Path(data["text"]).name != Path(corpus).name:
        return None
    found = hits.groupby("term").size()
    table = pd.DataFrame({"term": list(data["counts"]), "gold": [int(v) for v in data["counts"].values()]})
    table["found"] = [int(found.get(term.lower(), 0)) for term in table["term"]]
    table["exact"] = table["gold"] == table["found"]
    return table
