"""Who a source is: its category and origin, from knowledge kept as data.

The lexicons in ``analysis/lexicons/`` hold general knowledge, not answers:

* ``role_words.csv`` (word, category, kind): role and organisation words.
  ``kind`` is ``role`` (decides the category: "professor", "CEO"),
  ``org`` (an organisation word: "ministry", "university", "giant") or
  ``weak_role`` (a default when nothing else decides: "spokesperson",
  "president", "director");
* ``administrative_units.csv`` (word): an administrative area ("district",
  "county", "area") makes a role official where the role governs it ("deputy
  director of the Binhai area", not "a resident of Hubei province");
* ``nationality_words.csv`` (word, origin): countries, nationalities, Chinese
  provinces and cities, "CPC";
* ``known_sources.csv`` (name, aliases, category, origin, kind): well-known
  outlets, governments, international bodies and leaders;
* ``chinese_surnames.csv`` (surname): common Chinese surnames, used with a
  pinyin check to tell a Chinese personal name ("Guo Jiakun", "He Lifeng");
* ``romanised_surnames.csv`` (surname): Chinese surnames in Cantonese and
  Wade-Giles spelling, for names such as "Lee Shau-kee" (given name hyphenated);
* ``first_names.csv`` (name, gender): common first names, for "he"/"she".

:func:`classify` combines them in a fixed order of evidence: registry, then a
deciding role word, then an organisation word, then a weak role; origin from
the registry, a Chinese personal name, the first nationality word, or, in a
text about Hong Kong or Macao, a name spelt the Hong Kong way.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.corpus import InputError

LEXICONS = Path(__file__).with_name("lexicons")
CATEGORIES = ("official", "expert", "foreign_media", "state_media", "business", "other")
ORIGINS = ("chinese", "foreign")
KINDS = ("person", "org")
# military ranks written before a name ("Gen Mark Milley", "Adm. John Aquilino"): an official source
MILITARY_RANKS = frozenset({"Gen", "Gen.", "Lt", "Lt.", "Col", "Col.", "Maj", "Maj.", "Adm", "Adm.", "Admiral",
                            "Brig", "Brig.", "Sgt", "Sgt.", "Cmdr", "Cmdr."})
# abbreviated political titles, written with their full stop ("Gov. Gavin Newsom", "Sen. Marco Rubio"; "Sen" alone is
# a surname): titles of officials, as the ranks are
POLITICAL_TITLES = frozenset({"Gov.", "Sen.", "Rep.", "Amb.", "Sec.", "Supt."})
# ranks written in full: a title only before a person's name ("General Abdel Fattah al-Sisi", not "General Motors",
# "General Counsel" or "General Administration of Customs")
MILITARY_TITLES = frozenset({"General", "Colonel", "Lieutenant", "Brigadier", "Marshal"})

_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|o|u|ü|v)"
)
_PINYIN_WORD = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,3}}")
_TOPIC_AFTER = re.compile(r"\s+(?:Studies|Affairs|History|Literature|Language|Politics|operations)\b", re.IGNORECASE)
# a country's name (not its adjective) before a word for who studies it or what covers it: "a prominent China
# scholar", "the China newsletter Sinocism", "its China correspondent"
_COUNTRY_TOPIC_AFTER = re.compile(r"\s+(?:scholar|expert|analyst|watcher|hand|specialist|observer|"
                                  r"hawk|correspondent|editor|columnist|newsletter|blog|podcast|"
                                  r"column|desk)s?\b")
_ADJECTIVE_ENDING = re.compile(r"(?:ese|an|ish|i|ch|ic)$")


@dataclass(frozen=True)
class KnownSource:
    """A registry row: canonical name, category, origin and kind."""

    name: str
    category: str
    origin: str
    kind: str


def _read_rows(path: Path, required: tuple[str, ...]) -> list[dict]:
    """Rows of a lexicon CSV; a missing column raises InputError naming the file."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in required if column not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path}: row 1: missing column(s) {', '.join(missing)}")
        return list(reader)


@lru_cache(maxsize=None)
def role_words() -> dict[str, tuple[str, str]]:
    """Lower-cased role/organisation word -> (category, kind)."""
    rows = _read_rows(LEXICONS / "role_words.csv", ("word", "category", "kind"))
    return {row["word"].strip().lower(): (row["category"].strip(), row["kind"].strip()) for row in rows}


@lru_cache(maxsize=None)
def document_words() -> dict[str, str]:
    """Lower-cased document noun that may itself be a source ("according to a study") -> its category."""
    rows = _read_rows(LEXICONS / "document_words.csv", ("word", "category"))
    return {row["word"].strip().lower(): row["category"].strip() for row in rows}


@lru_cache(maxsize=None)
def accordance_words() -> frozenset[str]:
    """Nouns after which "according to" means "in accordance with", citing no source ("according to the Basic
    Law", "according to epidemic work needs")."""
    return frozenset(row["word"].strip().lower() for row in _read_rows(LEXICONS / "accordance_words.csv", ("word",)))


@lru_cache(maxsize=None)
def cognition_verbs() -> frozenset[str]:
    """Verb forms of thinking ("believes", "guesses"): a person who thinks something in a sentence may still be the
    "he" of a cue set in it ("Lui guesses the organizers ..., though, he adds, ...")."""
    return frozenset(row["verb"].strip().lower() for row in _read_rows(LEXICONS / "cognition_verbs.csv", ("verb",)))


@lru_cache(maxsize=None)
def nationality_words() -> dict[str, str]:
    """Nationality, country or Chinese place word (case kept) -> origin."""
    rows = _read_rows(LEXICONS / "nationality_words.csv", ("word", "origin"))
    return {row["word"].strip(): row["origin"].strip() for row in rows}


@lru_cache(maxsize=None)
def chinese_surnames() -> frozenset[str]:
    """Common Chinese surnames in pinyin."""
    return _surnames("chinese_surnames.csv")


@lru_cache(maxsize=None)
def romanised_surnames() -> frozenset[str]:
    """Chinese surnames as Hong Kong, Macao and older romanisations spell them ("Lee", "Cheung", "Tsang")."""
    return _surnames("romanised_surnames.csv")


def _surnames(file_name: str) -> frozenset[str]:
    rows = _read_rows(LEXICONS / file_name, ("surname",))
    return frozenset(row["surname"].strip() for row in rows)


@lru_cache(maxsize=None)
def first_name_genders() -> dict[str, str]:
    """Common first name -> ``m`` or ``f``, to resolve "he" and "she"."""
    rows = _read_rows(LEXICONS / "first_names.csv", ("name", "gender"))
    return {row["name"].strip(): row["gender"].strip() for row in rows}


def trie_pattern(words, after_first: str = "") -> str:
    """One regex alternation shaped as a character trie: the longest word that fits wins, as with an
    alternation sorted longest first, but matching stays fast with hundreds of words. ``after_first``: a
    zero-width assertion put right after the first letter of every word (see :func:`nationality_pattern`)."""
    trie: dict = {}
    for word in sorted(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict, lead: str = "") -> str:
        branches = [re.escape(char) + lead + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return build(trie, after_first)


@lru_cache(maxsize=None)
def _role_pattern() -> re.Pattern:
    return re.compile(r"(?:(?<![\w-])|(?<=\bex-))(" + trie_pattern(role_words()) + r")s?(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _lower_role_pattern() -> re.Pattern | None:
    """:func:`_role_pattern` without IGNORECASE, for lower-cased ASCII text; None if a role word is not ASCII."""
    if not all(word.isascii() for word in role_words()):
        return None
    return re.compile(r"(?:(?<![\w-])|(?<=\bex-))(" + trie_pattern(role_words()) + r")s?(?![\w-])")  # ("ex-minister")


def _role_matches(text: str):
    """Role-word matches in ``text``. An ASCII text is matched lower-cased, which is faster than IGNORECASE and
    finds the same spans (group texts differ only in case)."""
    if text.isascii() and _lower_role_pattern() is not None:
        return _lower_role_pattern().finditer(text.lower())
    return _role_pattern().finditer(text)


@lru_cache(maxsize=None)
def nationality_pattern() -> re.Pattern:
    """Any nationality, country or place word of ``nationality_words.csv`` as a whole word (group 1).

    "(?<![\\w-].)" after a word's first letter is "(?<![\\w-])" before it; so placed, the pattern opens with the
    trie's first letters, and the regex engine skips straight to those (mostly capitals): twice as fast."""
    return re.compile(r"(" + trie_pattern(nationality_words(), after_first=r"(?<![\w-].)") + r")(?![\w-])")


@lru_cache(maxsize=None)
def _based_pattern() -> re.Pattern:
    """A place word of ``nationality_words.csv`` before "-based" ("Washington-based"), the place in group 1."""
    return re.compile(r"(?<![\w-])(" + trie_pattern(nationality_words()) + r")-based\b")


@lru_cache(maxsize=1 << 16)
def looks_chinese_name(name: str) -> bool:
    """A personal name in pinyin with a Chinese surname first ("Guo Jiakun") or, western order, last ("Jingye Cheng")."""
    written = name.split()
    if len(written) == 2 and "-" in written[0] and written[1] in chinese_surnames():
        return False  # a hyphenated given name before the surname ("Ying-Ying Chang"): Taiwan or the diaspora write
        # so; pinyin joins the syllables of a given name ("Zhang Yingying", "Yingying Zhang")
    words = name.replace("-", " ").split()
    if not 1 <= len(words) <= 3:
        return False
    surname_first = words[0] in chinese_surnames()
    surname_last = len(words) == 2 and words[1] in chinese_surnames() and len(words[0]) > 3
    if not (surname_first or surname_last):
        return False
    return all(_PINYIN_WORD.fullmatch(word.lower()) for word in words)


def _registry_rows(source, label: str) -> list[dict]:
    if isinstance(source, pd.DataFrame):
        frame = source.copy()
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{path}: row 0: registry file not found")
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as error:
            raise InputError(f"{path}: row 1: cannot read CSV ({error})") from None
    for column in ("name", "category", "origin"):
        if column not in frame.columns:
            raise InputError(f"{label}: row 1: missing column {column!r}")
    frame = frame.fillna("").astype(str)
    rows = []
    for number, row in enumerate(frame.to_dict("records"), start=2):
        name = row["name"].strip()
        if not name:
            raise InputError(f"{label}: row {number}: empty name")
        category, origin = row["category"].strip(), row["origin"].strip()
        if category not in CATEGORIES:
            raise InputError(f"{label}: row {number}: category {category!r} is not one of {', '.join(CATEGORIES)}")
        if origin not in ORIGINS:
            raise InputError(f"{label}: row {number}: origin {origin!r} is not one of {', '.join(ORIGINS)}")
        kind = row.get("kind", "").strip() or "org"
        if kind not in KINDS:
            raise InputError(f"{label}: row {number}: kind {kind!r} is not one of {', '.join(KINDS)}")
        rows.append({"name": name, "aliases": row.get("aliases", ""), "category": category,
                     "origin": origin, "kind": kind})
    return rows


@lru_cache(maxsize=1 << 16)
def _key(name: str) -> str:
    key = " ".join(name.casefold().split())
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=None)
def _shipped_registry() -> tuple[tuple[str, KnownSource], ...]:
    path = LEXICONS / "known_sources.csv"
    return tuple(_index_rows(_registry_rows(path, str(path))).items())


@lru_cache(maxsize=None)
def shipped_organisation_names() -> frozenset[str]:
    """Canonical names (as written) of the shipped registry's organisations: a name the splitter must keep whole
    even when it opens with a title word ("General Motors", "Radio Free Asia")."""
    return frozenset(known.name for _, known in _shipped_registry() if known.kind == "org")


def _index_rows(rows: list[dict]) -> dict[str, KnownSource]:
    index: dict[str, KnownSource] = {}
    for row in rows:
        known = KnownSource(row["name"], row["category"], row["origin"], row["kind"])
        for surface in [row["name"], *row["aliases"].split("|")]:
            if surface.strip():
                index[_key(surface)] = known
    return index


def load_registry(extra=None) -> dict[str, KnownSource]:
    """The shipped registry of known sources, extended by ``extra`` (a CSV path or DataFrame).

    Keys are case-folded names and aliases without a leading "the". A bad row
    in ``extra`` raises InputError("<file>: row N: <problem>").
    """
    index = dict(_shipped_registry())
    if extra is not None:
        label = "registry" if isinstance(extra, pd.DataFrame) else str(extra)
        index.update(_index_rows(_registry_rows(extra, label)))
    return index


@lru_cache(maxsize=None)
def _shipped_keys() -> frozenset[str]:
    return frozenset(key for key, _ in _shipped_registry())


def is_registered_name(name: str) -> bool:
    """Whether ``name`` is a name or alias of the shipped registry ("USA Today"), compared as :func:`lookup` does."""
    return _key(name) in _shipped_keys()


def lookup(registry: dict[str, KnownSource], name: str) -> KnownSource | None:
    """The registry entry named ``name`` (case-folded, leading "the" ignored), if any; an acronym written with
    periods, as the New York Times writes them ("W.H.O.", "the C.D.C."), is looked up without them."""
    found = registry.get(_key(name))
    if found is None and "." in name and _DOTTED_ACRONYM.match(name):
        found = registry.get(_key(name.replace(".", "")))
    return found


_DOTTED_ACRONYM = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z]\.){2,}[A-Z]?\.?$")


@lru_cache(maxsize=65536)
def organisation_word_in(text: str) -> bool:
    """Whether ``text`` holds an organisation word ("Ministry", "Co", "giant")."""
    return any(role_words()[match.group(1).lower()][1] == "org" for match in _role_matches(text)
               if match.group(0) == match.group(1))


def classify(name: str, descriptors: list[str], known: KnownSource | None = None,
             affiliation: KnownSource | None = None, *, hong_kong: bool = False) -> tuple[str, str]:
    """(category, origin) of a source from its name and the phrases that describe it.

    ``known``: the source's own registry entry; ``affiliation``: the registry entry of an organisation
    named in its description ("a spokesperson for the WHO"), used when no role word decides;
    ``hong_kong``: the text is about Hong Kong or Macao, so a name spelt as they spell names ("Lee
    Shau-kee") is Chinese when no place word decides. A source with no evidence of its origin is ``foreign``.
    """
    return _classify(name, tuple(descriptors), known, affiliation, hong_kong)


@lru_cache(maxsize=65536)
def _classify(name: str, descriptors: tuple[str, ...], known: KnownSource | None,
              affiliation: KnownSource | None, hong_kong: bool = False) -> tuple[str, str]:
    texts = [name, *descriptors]
    country = name.removeprefix("the ") in nationality_words() and name[:1].isupper()
    if known:
        category = known.category
    elif country:
        category = "official"
    else:
        category = _category_from_words(texts, affiliation.category if affiliation else None)
    home = None if known or looks_chinese_name(name) else _home_country(texts)
    if known:
        origin = known.origin
    elif category == "business" and _firm_nationality(descriptors) == "foreign":
        origin = "foreign"  # "Yin Zheng, president of Schneider Electric China, the French industrial group"
    elif home is not None:  # "a sophomore from the United States ... at PKU": where the person is from
        origin = home
    elif affiliation and not looks_chinese_name(name) and _own_nationality(texts) is None:
        origin = affiliation.origin
    elif looks_chinese_name(name) and _works_abroad(descriptors, affiliation):
        origin = "foreign"  # "Yanzhong Huang, director of the Center for Global Health Studies at Seton Hall
    else:                   # University in New Jersey": a scholar of a foreign institution
        origin = _origin_from_words(name, texts, hong_kong)
    if category == "media":
        category = "state_media" if origin == "chinese" else "foreign_media"
    return category, origin


# a description of the firm a source works for: "the French industrial group", "a Japanese carmaker"
_FIRM_DESCRIPTION = re.compile(r"(?:the|a|an)\s+([A-Z][a-z]+)\s+(?:[\w\-]+\s+){0,3}?(?:group|company|firm|giant|"
                               r"maker|carmaker|automaker|manufacturer|multinational|conglomerate|corporation)")


def _firm_nationality(descriptors: tuple[str, ...]) -> str | None:
    """The origin of the nationality in a description of the source's firm ("the French industrial group"), which
    beats the country of the unit it runs ("Schneider Electric China")."""
    for text in descriptors:
        firm = _FIRM_DESCRIPTION.fullmatch(text.strip())
        if firm and firm.group(1) in nationality_words():
            return nationality_words()[firm.group(1)]
    return None


@lru_cache(maxsize=1 << 16)
def _own_nationality_in(text: str) -> str | None:
    """The origin of a nationality written right before a role word ("a Chinese envoy to United Nations", "China's
    ambassador"), which is the person's own and beats the body they are sent to or work for."""
    for match in nationality_pattern().finditer(text):
        following = text[match.end():match.end() + 40].lower().split()[:3]
        if any(role_words().get(word.strip(",."), ("", ""))[1] in ("role", "weak_role") for word in following) \
                and not _market_of_role(text, match) and not _heritage_of(text, match):
            return nationality_words()[match.group(1)]
    return None


_NEXT_WORD = re.compile(r"[ \-]([A-Z][a-z]+)")


def _heritage_of(text: str, match: re.Match) -> bool:
    """Whether the nationality ``match`` is a heritage before another nationality ("Chinese American", "Korean-
    Canadian"): the second one is the person's."""
    following = _NEXT_WORD.match(text, match.end())
    return following is not None and _ADJECTIVE_ENDING.search(following.group(1)) is not None and \
        nationality_words().get(following.group(1), nationality_words()[match.group(1)]) != \
        nationality_words()[match.group(1)]


def _market_of_role(text: str, match: re.Match) -> bool:
    """Whether the country noun ``match`` names the market of the business role right after it ("China manager of
    Bord Bia (Irish Food Board)"), not the person's nationality ("Chinese manager", "China's ambassador")."""
    if _ADJECTIVE_ENDING.search(match.group(1)) or text[match.end():match.end() + 1] != " ":
        return False
    following = text[match.end():match.end() + 30].lower().split()[:1]
    return bool(following) and role_words().get(following[0].strip(",."), ("", "")) == ("business", "role")


def _own_nationality(texts: list[str]) -> str | None:
    return next((origin for origin in map(_own_nationality_in, texts) if origin is not None), None)


def _works_abroad(descriptors: tuple[str, ...], affiliation: KnownSource | None) -> bool:
    """Whether a Chinese-named person's description places them at a foreign research institution and names no
    Chinese place ("a visiting scholar at the Johns Hopkins University", "... at Seton Hall University in New
    Jersey"). Officials at international bodies ("permanent representative to the UN") stay Chinese."""
    places = [_origin_in(text) for text in descriptors]
    if "chinese" in places:
        return False
    if affiliation is not None:
        return affiliation.category == "expert" and affiliation.origin == "foreign"
    return "foreign" in places and any(kind == "org" and category == "expert" for text in descriptors
                                       for kind, category in _categories_in(text))


def _category_from_words(texts: list[str], affiliated: str | None = None) -> str:
    """A deciding role word, else an affiliation, else an organisation word of a category other than ``other``,
    else the title "Dr" (expert), else any organisation word, else a weak role. For each kind the first text that
    has one decides: its last role word (the head noun of "chief secretary"), or the category most of its
    organisation words share ("Department of European Studies at the China Institute of International Studies"
    -> expert), the first one on a tie."""
    found = {"role": None, "org": None, "weak_role": None}
    for text in texts:
        for kind, category in _categories_in(text):
            if found[kind] is None:
                found[kind] = category
    if found["role"] is not None:
        return found["role"]
    if affiliated is not None:
        return affiliated
    if found["org"] not in (None, "other"):
        return found["org"]
    if any(text.split(None, 1)[:1][0] in MILITARY_RANKS | MILITARY_TITLES | POLITICAL_TITLES for text in texts
           if text.strip()):
        return "official"  # "Gen Mark Milley, the chairman of the US joint chiefs of staff"
    if any(text.split(None, 1)[:1] in (["Dr"], ["Dr."]) for text in texts):
        return "expert"  # a doctor or PhD with no role or employer that decides ("Dr Zhang Wenhong, a director of ...")
    for kind in ("org", "weak_role"):
        if found[kind] is not None:
            return found[kind]
    return "other"


# a relative clause that does not say what the person is now ("who is a fellow at ..." does)
_PAST_ROLE_CLAUSE = re.compile(r" who (?!(?:is|are|now|also|currently|serves|works|heads|leads|runs|teaches)\b)")


@lru_cache(maxsize=1 << 16)
def _categories_in(text: str) -> tuple[tuple[str, str], ...]:
    """(kind, category) pairs one text gives :func:`_category_from_words`: the last role word of each role kind,
    and the category most of its organisation words share; cached, as descriptions and aliases recur."""
    lexicon = role_words()
    in_text: dict[str, str] = {}
    org_votes: dict[str, int] = {}
    linked = _HEAD_ENDS.search(text)
    head_end = linked.start() if linked else len(text)
    head = None  # the category of the organisation word that heads the phrase: "science and technology ministry"
    clause = _PAST_ROLE_CLAUSE.search(text)  # a relative clause's other roles do not undo the head's ("a deputy
    clause = clause.start() if clause else len(text)  # prime minister who as a public health student took a class")
    for match in _role_matches(text):
        category, kind = lexicon[match.group(1).lower()]
        if kind == "org" and match.group(0) != match.group(1):
            continue  # plural role words ("epidemiologists") count, plural organisations do not
        if kind in ("role", "weak_role") and category == "other" and text[match.start()].isupper() and (
                _CAPITALISED_BEFORE.search(text, 0, match.start()) or _NAME_GOES_ON.match(text, match.end()) or
                _organisation_word_after(text, match.end(), capitalised=True)):
            continue  # a common noun inside a name: "Chinese People's Political Consultative Conference", "the Board
            # of Control for Cricket", "the Citizen Lab"
        if kind != "org" and text[match.start()].islower() and _organisation_word_after(text, match.end()):
            continue  # a common role word that modifies an organisation word: "the parent company of ..."
        if kind == "org":
            org_votes[category] = org_votes.get(category, 0) + 1
            if match.start() < head_end:
                head = category
        elif match.start() < clause or in_text.get(kind, "other") == "other":
            in_text[kind] = category
    for governed in _governed_unit_pattern().finditer(text):
        category, kind = lexicon.get(governed.group(1).lower(), ("", ""))
        if kind == "weak_role" or kind == "role" and category == "official":  # not "residents of Hubei province"
            org_votes["official"] = org_votes.get("official", 0) + 1  # "deputy director of the Binhai area"
    if org_votes:
        most = max(org_votes.values())
        tied = [category for category, votes in org_votes.items() if votes == most]
        choice = tied[0]
        if head in tied:  # the head decides a tie ("science and technology ministry"), but an "other" head does not
            choice = head if head != "other" else next((c for c in tied if c != "other"), head)  # ("research team")
        in_text["org"] = choice
    return tuple(in_text.items())


# where a phrase's head ends: a preposition that opens its complement ("Ministry of Science and Technology")
_HEAD_ENDS = re.compile(r"\s(?:of|for|on|at|in|to|under|with|from)\s")


def _organisation_word_after(text: str, end: int, capitalised: bool = False) -> bool:
    """Whether the word after ``end`` is an organisation word ("parent company", and, ``capitalised`` only, "Citizen
    Lab"): the role word before it modifies it."""
    following = _NEXT_WORD.match(text, end)
    return bool(following) and (not capitalised or following.group(1)[0].isupper()) and \
        role_words().get(following.group(1).lower(), ("", ""))[1] == "org"


_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'\-]*\s+$")
_NAME_GOES_ON = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w\-]*)")


@lru_cache(maxsize=None)
def administrative_units() -> frozenset[str]:
    """Lower-cased words for administrative areas ("district", "county")."""
    return frozenset(row["word"].strip().lower() for row in _read_rows(LEXICONS / "administrative_units.csv", ("word",)))


@lru_cache(maxsize=None)
def _governed_unit_pattern() -> re.Pattern:
    """"<role> of [the] <Name> <administrative unit>", with the role word in group 1."""
    units = trie_pattern(administrative_units())
    return re.compile(rf"([\w\-]+)\s+of\s+(?:the\s+)?(?:[A-Z][\w'\-]*\s+){{1,3}}(?:{units})\b")


@lru_cache(maxsize=None)
def _from_country_pattern() -> re.Pattern:
    """A person's home country in a description: "from (the) <country>" not followed by a capitalised word
    ("from the United States", not "from Beijing Normal University")."""
    return re.compile(r"\bfrom\s+(?:the\s+)?(" + trie_pattern(nationality_words()) + r")(?![\w-])(?!\s+[A-Z])")


def _home_country(texts: list[str]) -> str | None:
    """The origin of the country a described person comes from, or None."""
    for text in texts[1:]:
        found = _from_country_pattern().search(text) if "from " in text else None
        if found:
            return nationality_words()[found.group(1)]
    return None


def _origin_from_words(name: str, texts: list[str], hong_kong: bool = False) -> str:
    if looks_chinese_name(name) and not _HYPHENATED_GIVEN_NAME.fullmatch(name.split()[-1]):
        return "chinese"  # pinyin joins a given name's syllables; "Chen Chien-jen" is Taiwan's or Hong Kong's way
    for text in texts:
        origin = _origin_in(text)
        if origin is not None:
            return origin
    return "chinese" if hong_kong and looks_romanised_chinese_name(name) else "foreign"


_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{0,4}-[a-z]{1,5}")
_HYPHENATED_GIVEN_FIRST = re.compile(r"[A-Z][a-z]{0,4}-[A-Za-z][a-z]{0,4}")  # "Li-Meng Yan", "Ying-ying Chang"
_KOREAN_SPELLING = re.compile(r"eo|(?<![chkly])eu|ae|myung")  # Korean given names ("Lee Jae-myung", "Geun-hye")
# share surnames; "eu" after c, h, k, l or y is Cantonese ("Cheuk-yan", "Kwok-keung")


@lru_cache(maxsize=1 << 16)
def looks_romanised_chinese_name(name: str) -> bool:
    """A name ending in a Chinese surname and a hyphenated two-syllable given name, as Hong Kong and Macao
    write them ("Lee Shau-kee", "Peter Woo Kwong-ching"), or an English given name before a Cantonese-spelt
    surname ("Patricia Yip"). Taiwan writes names so too, so this decides the origin only in a text about Hong
    Kong or Macao and when no place word in the description decides."""
    words = name.split()
    if len(words) == 2 and words[0] in first_name_genders() and words[1] in romanised_surnames():
        return True  # an English given name before a Cantonese surname: "Patricia Yip", "Starry Lee"
    if len(words) == 2 and _HYPHENATED_GIVEN_FIRST.fullmatch(words[0]) and \
            not _KOREAN_SPELLING.search(words[0].lower()):  # the given name first: "Li-Meng Yan"
        return words[1] in romanised_surnames() or words[1] in chinese_surnames()
    if not 2 <= len(words) <= 4 or not _HYPHENATED_GIVEN_NAME.fullmatch(words[-1]) or \
            _KOREAN_SPELLING.search(words[-1].lower()):
        return False
    return words[-2] in romanised_surnames() or words[-2] in chinese_surnames()


# a place word that names what a unit studies, inside a larger name: "SOAS China Institute", "the Brookings
# Institution's John L. Thornton China Center", "the University of New South Wales' China International Business and
# Economic Law Centre"
_UNIT_NAME_AFTER = re.compile(r"(?:\s+[A-Z][\w\-]*){0,4}?\s+(?:Institute|Center|Centre|Program|Programme|Initiative|"
                              r"Forum|Studies|Research)\b")
_NAME_WORD_BEFORE = re.compile(r"(?:[A-Z][\w\-.]*|[\w\-]+s')\s+$")


def _inside_unit_name(text: str, match: re.Match) -> bool:
    """Whether the place word ``match`` sits inside a capitalised unit name after another name word, so that it
    names a topic, not where the unit is (see :data:`_UNIT_NAME_AFTER`)."""
    before = text[max(0, match.start() - 40):match.start()]
    return bool(_NAME_WORD_BEFORE.search(before)) and not before.rstrip().endswith(("The", "the")) \
        and _UNIT_NAME_AFTER.match(text, match.end()) is not None


_LOCATED_IN = re.compile(r"\bin\s+(?:the\s+)?([A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*)?)\s*(?:[,.;)]|$)")


def _unit_located_elsewhere(text: str, match: re.Match) -> str | None:
    """The place a unit named after a country is said to be in, when that is another place: "the China Institute
    at the School of Oriental and African Studies in London" is in London, so its director is no Chinese source."""
    if not _UNIT_NAME_AFTER.match(text, match.end()):
        return None
    for located in _LOCATED_IN.finditer(text, match.end()):
        place = located.group(1)
        if place in nationality_words() and nationality_words()[place] != nationality_words()[match.group(1)]:
            return place
    return None


@lru_cache(maxsize=1 << 16)
def _origin_in(text: str) -> str | None:
    """The origin the first place word of ``text`` gives (a "-based" employer first), or None; cached, as
    descriptions and aliases recur."""
    words = nationality_words()
    based = _based_pattern().search(text) if "-based" in text else None
    stationed = None
    if based:  # "analyst at the Washington-based Peterson Institute": where the employer is decides
        role = _role_matches(text[based.end():based.end() + 40].lstrip())
        first = next(iter(role), None)
        if first is None or first.start() != 0 or role_words()[first.group(1).lower()][1] == "org":
            return words[based.group(1)]
        stationed = based.start()  # "the Beijing-based director ... for Wisconsin fund management company FirstPathway
    for match in nationality_pattern().finditer(text):  # Partners": where a person works is no nationality
        if match.start() != stationed and not _TOPIC_AFTER.match(text, match.end()) and not (
                _COUNTRY_TOPIC_AFTER.match(text, match.end()) and not _ADJECTIVE_ENDING.search(match.group(1))) \
                and not _inside_unit_name(text, match) and not _market_of_role(text, match) \
                and not _heritage_of(text, match):
            located = _unit_located_elsewhere(text, match)
            return words[located] if located else words[match.group(1)]
    return words[based.group(1)] if based else None
