"""Find where one article ends and the next begins in a run of paragraphs.

A ``.txt`` corpus concatenates news articles with no separator, one paragraph a
line. :func:`find_article_starts` scores the gap before every paragraph from
evidence that a news article opens there or that the text goes on:

* cue patterns (``lexicons/segment_cues.csv``): a *closing* line before the gap
  ("The author is ...", "Contact the writer at ...", an e-mail address,
  "Additional reporting by ...", "This article was amended ..."), an *opening*
  line after it (a dateline "BEIJING -", "Editor's note"), a news *lead* in its
  first sentence ("said on Tuesday", "has urged", "spokesperson Guo Jiakun"),
  or a *continuation* opening ("He said", "However", "The ministry");
* lead words: fitted log-odds of lower-case words in the first sentence of an
  article's first paragraph against later ones ("recently" vs "however");
* people: a surname used alone ("Guo noted", "Jackson's plan") whose full name
  came just before the gap means the same story goes on; a paragraph naming
  only people not named just before leans towards a new story;
* lexical cohesion: how many content words and names the paragraphs after the
  gap share with those before it (each word weighted by its inverse paragraph
  frequency in the input, so the topic every article shares counts little),
  and how deep that similarity dips compared with the neighbouring gaps
  (TextTiling depth), at windows of 2 to 16 paragraphs; stopwords come from
  ``lexicons/stopwords.csv``;
* layout: a standfirst (a full-length line with no closing punctuation) opens
  an article, while a short subheading stays inside the current one; a
  paragraph ending in a quotation often closes one.

The weighted evidence (``lexicons/segment_weights.csv``, a logistic model fitted
on concatenations of real China Daily, Guardian, New York Times and Daily
Telegraph articles by ``benchmarks/segmentation.py --fit``, without the seed) gives each gap a
log-odds score, and dynamic programming picks the starts with the best total
score under a prior that penalizes very short and very long articles. Each
candidate article also earns ``cohesion_weight`` times the log-likelihood of
its content words under its own word distribution (:func:`article_likelihoods`,
after Utiyama and Isahara 2001): a cut that leaves one story's words on both
sides, or glues two stories' words together, fits worse than the true one.
This whole-article view is what the gap features, which only see a few
paragraphs either side, miss. Its smoothing counts at least
``vocabulary_floor`` distinct words, so inputs of only two to four articles
(few distinct words) are not cut up. The likelihoods are computed and used
in blocks of paragraphs, so memory grows linearly with the input.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from analysis.corpus import InputError

LEXICONS = Path(__file__).resolve().parent / "lexicons"
CUE_KINDS = ("closing", "opening", "lead", "continuation", "lead_word")
WINDOW_SIZES = (2, 4, 8, 16)
NAME_WINDOW = 5
RECENT = 8
DECODING = ("short_length", "short_penalty", "long_length", "long_penalty", "max_length", "cohesion_weight",
            "vocabulary_floor")
FEATURES = (
    "bias", "closing_before", "closing_here", "opening_here", "opening_next", "lead_here", "lead_next", "lead_words_here",
    "continuation_here", "known_surname", "new_full_name", "novelty", "standfirst_here", "heading_here",
    "after_standfirst", "dissimilarity_2", "depth_2", "dissimilarity_4", "depth_4", "dissimilarity_8", "depth_8", "dissimilarity_16", "depth_16",
    "name_dissimilarity", "name_depth", "list_density", "surname_mention", "quote_before",
)

_WORD = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?(?: [A-Z][a-z]+(?:[-'][A-Za-z]+)?)+")
_SURNAME_SPEAKER = re.compile(
    r"\b([A-Z][a-z]+)(?:'s?)?\s(?:\w+ly\s)?"
    r"(?:also\s|further\s|then\s)?(?:said|says|noted|added|told|stressed|made|urged|argued|explained|wrote|"
    r"insisted|warned|believes|thinks|pointed|called|visit|remarks|comments)\b"
)
_POSSESSIVE = re.compile(r"'s?$")
_CAPITALIZED = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Za-z]+)*")
_ENDS_WITH_NAME = re.compile(r"[A-Z][\w'-]*\s$")
_SENTENCE_END = re.compile(r"""[.!?]["')\]]?(?:\s|$)""")
_LIST_ITEM = re.compile(r"\s*(?:[•·▪●◦‣∙*]|\d{1,2}[.)]\s|[A-Z][a-z]+(?: [a-z]+){0,3}: )")
_CLOSED = re.compile(r"""[.!?:;,"')\]]\s*$""")
_LEAD_WORD = re.compile(r"[a-z]+(?:['\-][a-z]+)*")


@dataclass(frozen=True)
class Paragraph:
    """What the scorer needs to know about one paragraph."""

    content: tuple[str, ...]
    names: tuple[str, ...]
    name_parts: frozenset[str]
    surnames: frozenset[str]
    lone_names: frozenset[str]
    surname_speakers: frozenset[str]
    cues: dict[str, float]
    n_words: int
    closed: bool
    listed: bool
    ends_quote: bool


def find_article_starts(
    texts: Sequence[str],
    *,
    cues: str | Path | None = None,
    weights: str | Path | None = None,
    stopwords: str | Path | None = None,
) -> list[int]:
    """1-based numbers of the paragraphs that open an article.

    Always begins with 1 for non-empty input; ``[]`` for an empty one.
    ``cues``, ``weights`` and ``stopwords`` replace the packaged lexicon files.
    """
    if not texts:
        return []
    cue_patterns, stopword_set, model = load_cues(cues), load_stopwords(stopwords), load_weights(weights)
    lead_words = load_lead_words(cues)
    paragraphs = [describe_paragraph(str(text), cue_patterns, stopword_set, lead_words) for text in texts]
    scores = gap_features(paragraphs) @ np.array([model[name] for name in FEATURES])
    cohesion = (article_likelihoods([p.content for p in paragraphs], max(1, int(model["max_length"])),
                                    vocabulary_floor=model["vocabulary_floor"])
                if model["cohesion_weight"] else None)
    return choose_starts([0.0, *scores.tolist()], model, cohesion)


def describe_paragraph(
    text: str,
    cues: dict[str, list[tuple[re.Pattern, float]]],
    stopwords: frozenset[str],
    lead_words: dict[str, float] | None = None,
) -> Paragraph:
    """Content words, names and matched cue weights of one paragraph.

    ``lead_words`` (word -> weight, from :func:`load_lead_words`) scores the
    words of the first sentence, looked up in lower case: each distinct word adds its weight once.
    """
    words = _WORD.findall(text.lower())
    first_sentence, edges = _first_sentence(text), _edges(text)
    capitalized = _CAPITALIZED.findall(text)
    full_names = _NAME.findall(text)
    name_parts = frozenset(part for name in full_names for part in name.split())
    names = tuple([word for word in capitalized[1:] if word.lower() not in stopwords])
    return Paragraph(
        content=tuple(filter(None, map(_content_stems(stopwords).__getitem__, words))),
        names=names,
        name_parts=name_parts,
        surnames=frozenset(name.rsplit(" ", 1)[1] for name in full_names),
        lone_names=frozenset(_POSSESSIVE.sub("", name) for name in capitalized) - name_parts,
        surname_speakers=_surname_speakers(text),
        cues={
            "closing": _cue_weight(cues["closing"], edges),
            "opening": _cue_weight(cues["opening"], edges),
            "lead": _cue_weight(cues["lead"], first_sentence),
            "lead_word": sum(map(lead_words.__getitem__, lead_words.keys() & _WORD.findall(first_sentence.lower())))
            if lead_words else 0.0,
            "continuation": _cue_weight(cues["continuation"], text),
        },
        n_words=len(words),
        closed=bool(_CLOSED.search(text)),
        listed=bool(_LIST_ITEM.match(text)),
        ends_quote=text.endswith('"'),
    )


def _surname_speakers(text: str) -> frozenset[str]:
    """Single capitalized words used as a speaker ("Guo said", "Reeves' visit"), not part of a longer name."""
    return frozenset(
        match.group(1) for match in _SURNAME_SPEAKER.finditer(text)
        if not _ENDS_WITH_NAME.search(text, max(0, match.start() - 40), match.start())
    )


def gap_features(paragraphs: Sequence[Paragraph]) -> np.ndarray:
    """One row per gap before paragraphs 2..n, one column per name in :data:`FEATURES`."""
    similarity = _window_similarities([p.content for p in paragraphs], WINDOW_SIZES)
    name_similarity = _window_similarities([p.names for p in paragraphs], (NAME_WINDOW,))[NAME_WINDOW]
    columns = {
        "bias": np.ones(len(paragraphs) - 1),
        **_cue_columns(paragraphs),
        **_people_columns(paragraphs),
        "novelty": _novelty(paragraphs),
        "list_density": _list_density(paragraphs),
        "name_dissimilarity": 1.0 - name_similarity,
        "name_depth": _depths(name_similarity),
    }
    for size, values in similarity.items():
        columns[f"dissimilarity_{size}"] = 1.0 - values
        columns[f"depth_{size}"] = _depths(values)
    return np.column_stack([columns[name] for name in FEATURES]) if len(paragraphs) > 1 else np.zeros((0, len(FEATURES)))


def choose_starts(
    scores: Sequence[float], weights: dict[str, float], cohesion: Iterable[np.ndarray] | None = None
) -> list[int]:
    """Best-scoring set of starts under a prior on article length (dynamic programming).

    ``scores[i]`` is the log-odds that paragraph ``i`` (0-based) opens an
    article. A segmentation earns the score of each start it uses and pays
    ``short_penalty`` per paragraph an article falls short of ``short_length``
    and ``long_penalty`` per paragraph beyond ``long_length``; no article is
    longer than ``max_length`` paragraphs. With ``cohesion`` (the row blocks
    from :func:`article_likelihoods`), each article also earns
    ``cohesion_weight`` times how well one word distribution fits all of its
    paragraphs. Blocks are used as they come, so memory stays linear in the input.
    """
    total = len(scores)
    max_length = max(1, int(weights["max_length"]))
    lengths = np.arange(1, max_length + 1)
    cost = (weights["short_penalty"] * np.maximum(0.0, weights["short_length"] - lengths)
            + weights["long_penalty"] * np.maximum(0.0, lengths - weights["long_length"]))
    blocks = iter(cohesion) if cohesion is not None and weights.get("cohesion_weight", 0.0) else None
    # earned[e - done, l]: what an article of l + 1 paragraphs ending with paragraph e earns besides its start's score
    earned, done = np.zeros((0, max_length)), 0
    gain = np.asarray(scores, dtype=float).copy()
    gain[0] = 0.0
    best = np.zeros(total + 1)
    previous_start = np.zeros(total + 1, dtype=int)
    for end in range(1, total + 1):
        if end - 1 >= done + len(earned):
            done += len(earned)
            earned = -cost + (weights["cohesion_weight"] * next(blocks) if blocks is not None
                              else np.zeros((min(total - done, 2048), max_length)))
        first = max(0, end - max_length)
        # candidate starts first..end-1 give articles of length end-first..1
        values = best[first:end] + gain[first:end] + earned[end - 1 - done, end - first - 1 :: -1][: end - first]
        choice = int(np.argmax(values))
        best[end], previous_start[end] = values[choice], first + choice
    starts, end = [], total
    while end > 0:
        end = int(previous_start[end])
        starts.append(end + 1)
    return sorted(starts)


def article_likelihoods(
    bags: Sequence[Sequence[str]], max_length: int, *, vocabulary_floor: float = 0.0, block: int = 2048
) -> Iterator[np.ndarray]:
    """How well one word distribution explains each candidate article (Utiyama & Isahara 2001).

    Yields the rows of a matrix ``result`` in blocks of up to ``block`` rows
    (so memory stays linear in the input): ``result[e, l]`` is the
    log-likelihood of the words of paragraphs ``e-l..e`` under their own
    add-one smoothed unigram model, ``sum_w g(f_w) - n log(n + V)`` with
    ``g(f) = f log(f + 1)`` (``f_w``: count of word ``w`` in the article,
    ``n``: its words, ``V``: distinct words in the input, at least
    ``vocabulary_floor``), less the same sum taken paragraph by paragraph (a
    constant for the whole segmentation, as each paragraph is in exactly one
    article); 0 where ``l > e``. A story that keeps its words scores high; two
    stories glued together score lower than each on its own.

    Cutting an article of ``n`` words in two gains about ``n log((n + V) / (n/2 + V))``
    even where both halves use the same words, and that grows as ``V`` shrinks:
    a short input of two or three long articles has few distinct words, so
    without the floor its long articles would be cut up.

    Paragraph ``b`` with ``m`` copies of ``w`` joining an article that starts
    at ``a`` adds ``g(c + m) - g(c) - g(m)``, where ``c`` counts ``w`` in
    paragraphs ``a..b-1``: zero unless ``w`` was there, and the same for all
    starts between two earlier occurrences of ``w``. So each pair of
    occurrences of a word less than ``max_length`` paragraphs apart adds one
    value to a range of starts (a difference array over the paragraphs of a
    block), and an article's total is the previous paragraph's total for the
    same start plus what its last paragraph adds.
    """
    total = len(bags)
    flat, vocabulary = _word_ids(bags)
    rows = np.repeat(np.arange(total, dtype=np.int64), [len(bag) for bag in bags])
    keys, counts = np.unique(flat * (total + 1) + rows, return_counts=True)  # (word, paragraph) sorted, with counts
    words, paragraphs = keys // (total + 1), keys % (total + 1)
    cumulative = np.concatenate([[0], np.cumsum(counts)])
    g = np.arange(cumulative[-1] + 2) * np.log(np.arange(cumulative[-1] + 2) + 1.0)
    lowest = np.maximum(0, paragraphs - max_length + 1)  # earliest start of an article that can hold the paragraph
    previous = np.full(len(keys), -1)  # paragraph of the word's occurrence before each entry
    repeated = np.flatnonzero(words[1:] == words[:-1]) + 1
    previous[repeated] = paragraphs[repeated - 1]
    word_total = np.concatenate([[0], np.cumsum([len(bag) for bag in bags])]).astype(float)
    width, lengths = max_length + 1, np.arange(max_length)
    carry = np.zeros(max_length)  # result row of the paragraph before the block
    for low in range(0, total, block):
        high = min(total, low + block)
        # by_end[b - low, l]: what paragraph b adds to the article starting at b - l
        by_end = np.zeros((high - low) * width)
        later = np.flatnonzero((paragraphs >= low) & (paragraphs < high))
        places: list[np.ndarray] = []
        changes: list[np.ndarray] = []
        for shift in range(1, len(keys)):  # pairs (earlier, later) of one word's occurrences, ``shift`` entries apart
            earlier = later - shift
            same = (earlier >= 0) & (words[later] == words[earlier]) & (paragraphs[earlier] >= lowest[later])
            later, earlier = later[same], earlier[same]  # an entry without a pair here has none further back either
            if not len(later):
                break
            here = paragraphs[later]
            before = cumulative[later] - cumulative[earlier]  # copies in paragraphs paragraphs[earlier]..here-1
            gain = g[before + counts[later]] - g[before] - g[counts[later]]
            # starts after the occurrence before ``earlier`` and up to it see exactly ``before`` copies
            first_start = np.maximum(previous[earlier] + 1, lowest[later])
            places += [(here - low) * width + here - paragraphs[earlier], (here - low) * width + here - first_start + 1]
            changes += [gain, -gain]
            if sum(map(len, places)) > 1_000_000:  # add up in batches: bounded memory on dense blocks
                by_end += np.bincount(np.concatenate(places), weights=np.concatenate(changes), minlength=len(by_end))
                places, changes = [], []
        if places:
            by_end += np.bincount(np.concatenate(places), weights=np.concatenate(changes), minlength=len(by_end))
        added = np.cumsum(by_end.reshape(high - low, width)[:, :max_length], axis=1)
        result = np.empty_like(added)
        result[:, 0] = added[:, 0]
        for offset in range(1, max_length):  # result[e, l] = result[e - 1, l - 1] + added[e, l]
            result[0, offset] = carry[offset - 1] + added[0, offset]
            result[1:, offset] = result[:-1, offset - 1] + added[1:, offset]
        carry = result[-1].copy()
        ends = np.arange(low, high)[:, None]
        n_words = word_total[ends + 1] - word_total[np.maximum(ends - lengths, 0)]
        result -= n_words * np.log(np.maximum(n_words + max(len(vocabulary), vocabulary_floor), 1.0))
        yield np.where(lengths <= ends, result, 0.0)


def _cue_columns(paragraphs: Sequence[Paragraph]) -> dict[str, np.ndarray]:
    """Cue weights at the gap: closing line before it, opening/lead/continuation after it."""
    def cue(kind: str, offset: int) -> np.ndarray:
        values = [p.cues[kind] for p in paragraphs] + [0.0]
        return np.array(values[1 + offset : len(paragraphs) + offset])

    standfirst = np.array([_is_standfirst(p) for p in paragraphs], dtype=float)
    heading = np.array([_is_heading(p) for p in paragraphs], dtype=float)
    return {
        "closing_before": cue("closing", -1),
        "closing_here": cue("closing", 0),
        "opening_here": cue("opening", 0),
        "opening_next": cue("opening", 1),
        "lead_here": cue("lead", 0),
        "lead_next": cue("lead", 1) * standfirst[1:],
        "lead_words_here": cue("lead_word", 0),
        "continuation_here": cue("continuation", 0),
        "standfirst_here": standfirst[1:],
        "heading_here": heading[1:],
        "after_standfirst": np.maximum(standfirst, heading)[:-1],
        "quote_before": np.array([p.ends_quote for p in paragraphs[:-1]], dtype=float),
    }


def _people_columns(paragraphs: Sequence[Paragraph]) -> dict[str, np.ndarray]:
    """People already named in the ``RECENT`` paragraphs before the gap (same story) or only new names (new story).

    ``known_surname``: a surname-only speaker ("Guo noted") named in full just before;
    ``surname_mention``: any surname used alone ("... Jackson's plan") whose full name came just before;
    ``new_full_name``: the paragraph names people in full and none of them was named just before.
    """
    part_seen: dict[str, int] = {}
    surname_seen: dict[str, int] = {}
    known_surname, surname_mention, new_full_name = [], [], []
    for index, here in enumerate(paragraphs):
        if index:
            horizon = index - RECENT
            known_surname.append(float(any(part_seen.get(name, -RECENT - 1) >= horizon for name in here.surname_speakers)))
            surname_mention.append(float(any(surname_seen.get(name, -RECENT - 1) >= horizon for name in here.lone_names)))
            new_full_name.append(float(bool(here.name_parts)
                                       and not any(part_seen.get(part, -RECENT - 1) >= horizon for part in here.name_parts)))
        part_seen.update(dict.fromkeys(here.name_parts, index))
        surname_seen.update(dict.fromkeys(here.surnames, index))
    return {"known_surname": np.array(known_surname), "new_full_name": np.array(new_full_name),
            "surname_mention": np.array(surname_mention)}


def _list_density(paragraphs: Sequence[Paragraph], reach: int = 4) -> np.ndarray:
    """Share of short or list-like lines (headings, bullets, labels) around each gap.

    Newsletters, briefings and letters pages are runs of such lines; a change
    of topic inside them is less likely to be a new article.
    """
    listy = np.array([1.0 if p.n_words <= 12 or p.listed else 0.0 for p in paragraphs])
    cumulative = np.concatenate([[0.0], np.cumsum(listy)])
    gaps = np.arange(1, len(paragraphs))
    low, high = np.maximum(0, gaps - reach), np.minimum(len(paragraphs), gaps + reach)
    return (cumulative[high] - cumulative[low]) / (high - low)


def _novelty(paragraphs: Sequence[Paragraph]) -> np.ndarray:
    """Share of each paragraph's content words unseen in the ``RECENT`` paragraphs before it."""
    last_seen: dict[str, int] = {}
    values = []
    for index, paragraph in enumerate(paragraphs):
        words = set(paragraph.content)
        if index:
            horizon = index - RECENT
            unseen = sum(last_seen.get(word, -RECENT - 1) < horizon for word in words)
            values.append(unseen / len(words) if words else 0.0)
        last_seen.update(dict.fromkeys(words, index))
    return np.array(values)


def _window_similarities(bags: Sequence[Sequence[str]], sizes: Sequence[int]) -> dict[int, np.ndarray]:
    """Cosine between the ``size`` paragraphs before and after each gap, for each size.

    A window is a vector over words: how many of its paragraphs contain the
    word, times the word's inverse paragraph frequency over the whole input.
    Cosines of such sums only need the weighted overlap ``G[i, j]`` of
    paragraphs closer than twice the widest window (a band, ``band[i, d] = G[i, i + d]``):
    dot products and norms of windows are sums over that band, taken from
    prefix sums, so time and memory grow linearly with the input.
    """
    total, width = len(bags), 2 * max(sizes)
    flat, vocabulary = _word_ids(bags)
    rows = np.repeat(np.arange(total, dtype=np.int64), [len(bag) for bag in bags])
    keys = np.unique(flat * max(1, total) + rows)  # each (word, paragraph) once, sorted by word then paragraph
    words, rows = keys // max(1, total), keys % max(1, total)
    # inverse document frequency over this input: words in every paragraph (the shared topic) weigh little
    idf = np.log((total + 1) / (np.bincount(words, minlength=len(flat)) + 1))
    weight = idf[words] ** 2
    places, values = [], []
    later = np.arange(len(keys))
    for shift in range(width):  # a word's paragraphs are adjacent in ``keys``
        earlier = later - shift
        same = (earlier >= 0) & (words[later] == words[earlier]) & (rows[later] - rows[earlier] < width)
        later, earlier = later[same], earlier[same]  # an entry without a pair here has none further back either
        if not len(later):
            break
        places.append(rows[earlier] * width + rows[later] - rows[earlier])
        values.append(weight[later])
    band = np.bincount(np.concatenate(places), weights=np.concatenate(values), minlength=total * width) if places \
        else np.zeros(total * width)
    prefix = np.vstack([np.zeros((1, width)), np.cumsum(band.reshape(total, width), axis=0)])  # prefix[i, d]: rows < i

    def band_sum(d: int, low: np.ndarray, high: np.ndarray) -> np.ndarray:
        """Sum of band[i, d] for low <= i < high (zero where the range is empty)."""
        high = np.maximum(low, high)
        return prefix[high, d] - prefix[low, d]

    gaps = np.arange(1, total)
    result = {}
    for size in sizes:
        left, right = np.maximum(0, gaps - size), np.minimum(total, gaps + size)
        shared = sum(band_sum(d, np.maximum(left, gaps - d), np.minimum(gaps, right - d)) for d in range(1, 2 * size))
        left_norm = band_sum(0, left, gaps) + 2 * sum(band_sum(d, left, gaps - d) for d in range(1, size))
        right_norm = band_sum(0, gaps, right) + 2 * sum(band_sum(d, gaps, right - d) for d in range(1, size))
        norms = np.sqrt(np.maximum(left_norm, 0) * np.maximum(right_norm, 0))
        result[size] = np.divide(shared, norms, out=np.zeros(len(gaps)), where=norms > 1e-12) if len(gaps) else np.zeros(0)
    return result


def _word_ids(bags: Sequence[Sequence[str]]) -> tuple[np.ndarray, dict[str, int]]:
    """One id per word of the bags in order, and the word -> id map (an id is where the word first occurs)."""
    vocabulary: dict[str, int] = {}
    words = itertools.chain.from_iterable(bags)
    return np.fromiter(map(vocabulary.setdefault, words, itertools.count()), dtype=np.int64), vocabulary


def _depths(similarity: np.ndarray) -> np.ndarray:
    """TextTiling depth: how far each gap's similarity dips below the peaks on either side.

    From each gap, climb left while the similarity does not fall (and likewise
    right); the peaks are where the climbs stop: the nearest position to the
    left whose left neighbour is lower (or the first one), and the mirror image.
    """
    values = np.asarray(similarity, dtype=float)
    if not len(values):
        return np.zeros(0)
    index = np.arange(len(values))
    stops_left = np.r_[True, values[:-1] < values[1:]]
    stops_right = np.r_[values[1:] < values[:-1], True]
    left_peak = np.maximum.accumulate(np.where(stops_left, index, 0))
    right_peak = np.minimum.accumulate(np.where(stops_right, index, len(values) - 1)[::-1])[::-1]
    return values[left_peak] + values[right_peak] - 2 * values


def _edges(text: str) -> str:
    """The first and last 150 characters: closing and opening lines are short, so this is where their cues are."""
    return text if len(text) <= 300 else f"{text[:150]}\n{text[-150:]}"


def _first_sentence(text: str) -> str:
    """Text up to the first sentence end after its 20th character (where a lead's cues are)."""
    match = _SENTENCE_END.search(text, 20)
    return text[: match.end()] if match else text


class _ContentStems(dict):
    """Word -> its stem, or "" for a stopword or a word of two letters or fewer (filled in on first lookup)."""

    def __init__(self, stopwords: frozenset[str]) -> None:
        super().__init__()
        self.stopwords = stopwords

    def __missing__(self, word: str) -> str:
        stem = "" if word in self.stopwords or len(word) <= 2 else _stem(word)
        if len(self) < 200_000:
            self[word] = stem
        return stem


@lru_cache(maxsize=8)
def _content_stems(stopwords: frozenset[str]) -> _ContentStems:
    """The memo of content-word stems for one stopword list."""
    return _ContentStems(stopwords)


def _stem(word: str) -> str:
    """A crude stem: plural and verb endings off, so 'talks' meets 'talk'."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _cue_weight(patterns: list[tuple[re.Pattern, float]], text: str) -> float:
    """Weight of the strongest matching cue (patterns come sorted by weight, highest first)."""
    return next((weight for pattern, weight in patterns if pattern.search(text)), 0.0)


def _is_heading(paragraph: Paragraph) -> bool:
    """A subheading: six words at most, no closing punctuation."""
    return 0 < paragraph.n_words <= 6 and not paragraph.closed


def _is_standfirst(paragraph: Paragraph) -> bool:
    """A standfirst or deck: a sentence-length line with no closing punctuation."""
    return 6 < paragraph.n_words <= 45 and not paragraph.closed


@lru_cache(maxsize=8)
def load_cues(path: str | Path | None = None) -> dict[str, list[tuple[re.Pattern, float]]]:
    """Cue patterns by kind from ``segment_cues.csv`` (columns kind, pattern, weight).

    Each kind's list runs from the highest weight down, so the first pattern
    that matches gives the paragraph's cue weight. Patterns anchored at the
    start ("^...") of one kind and weight are joined into one alternation
    (one search instead of many); the others stay apart, as each searches
    fastest on its own. ``lead_word`` rows are read by :func:`load_lead_words`
    and only checked here.
    """
    path = Path(path) if path else LEXICONS / "segment_cues.csv"
    cues: dict[str, list[tuple[re.Pattern, float]]] = {kind: [] for kind in CUE_KINDS if kind != "lead_word"}
    anchored: dict[str, dict[float, list[str]]] = {kind: {} for kind in cues}
    for number, row in enumerate(_read_rows(path, ("kind", "pattern", "weight")), start=2):
        if row["kind"] not in CUE_KINDS:
            raise InputError(f"{path}: row {number}: kind must be one of {', '.join(CUE_KINDS)}, got {row['kind']!r}")
        if not row["pattern"]:
            raise InputError(f"{path}: row {number}: empty pattern")
        weight = _number(row["weight"], path, number)
        if row["kind"] == "lead_word":
            if not _LEAD_WORD.fullmatch(row["pattern"]):
                raise InputError(f"{path}: row {number}: a lead_word must be one lower-case word, got {row['pattern']!r}")
            continue
        try:
            pattern = re.compile(row["pattern"])
        except re.error as err:
            raise InputError(f"{path}: row {number}: bad pattern ({err})") from None
        body = _anchored_body(row["pattern"])
        if body is None:
            cues[row["kind"]].append((pattern, weight))
        else:
            anchored[row["kind"]].setdefault(weight, []).append(body)
    for kind, by_weight in anchored.items():
        cues[kind] += [(re.compile("^(?:" + "|".join(f"(?:{body})" for body in bodies) + ")"), weight)
                       for weight, bodies in by_weight.items()]
    return {kind: sorted(patterns, key=lambda cue: -cue[1]) for kind, patterns in cues.items()}


def _anchored_body(pattern: str) -> str | None:
    """For a pattern anchored at the start ("^x", "(?i)^x") the rest with its flags scoped ("x", "(?i:x)"), else None."""
    flags = re.match(r"\(\?([aiLmsux]+)\)", pattern)
    rest = pattern[flags.end():] if flags else pattern
    if not rest.startswith("^") or "|" in _top_level(rest):
        return None
    return f"(?{flags.group(1)}:{rest[1:]})" if flags else rest[1:]


def _top_level(pattern: str) -> str:
    """The characters of ``pattern`` outside any group or class (to spot a top-level alternation)."""
    depth, outside, escaped, in_class = 0, [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif depth == 0:
            outside.append(char)
    return "".join(outside)


@lru_cache(maxsize=8)
def load_lead_words(path: str | Path | None = None) -> dict[str, float]:
    """Words whose presence in a paragraph's first sentence tells a news lead (weight > 0) from a
    paragraph inside an article (weight < 0): the ``lead_word`` rows of ``segment_cues.csv``."""
    load_cues(path)  # validates the file
    path = Path(path) if path else LEXICONS / "segment_cues.csv"
    return {row["pattern"]: float(row["weight"]) for row in _read_rows(path, ("kind", "pattern", "weight"))
            if row["kind"] == "lead_word"}


@lru_cache(maxsize=8)
def load_stopwords(path: str | Path | None = None) -> frozenset[str]:
    """Lower-case stopwords from ``stopwords.csv`` (column word)."""
    path = Path(path) if path else LEXICONS / "stopwords.csv"
    return frozenset((row["word"] or "").strip().lower() for row in _read_rows(path, ("word",))) - {""}


@lru_cache(maxsize=8)
def load_weights(path: str | Path | None = None) -> dict[str, float]:
    """Feature weights and length-prior settings from ``segment_weights.csv`` (columns name, value)."""
    path = Path(path) if path else LEXICONS / "segment_weights.csv"
    weights = {row["name"]: _number(row["value"], path, number)
               for number, row in enumerate(_read_rows(path, ("name", "value")), start=2)}
    missing = [name for name in FEATURES + DECODING if name not in weights]
    if missing:
        raise InputError(f"{path}: missing row(s) for {', '.join(missing)}")
    return weights


def _read_rows(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a lexicon CSV that must have ``columns``."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in columns if column not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: row 1: missing column(s) {', '.join(missing)}")
        return list(reader)


def _number(value: str, path: Path, number: int) -> float:
    """``value`` as a float, or an :class:`InputError` naming the file and row."""
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InputError(f"{path}: row {number}: {value!r} is not a number") from None
