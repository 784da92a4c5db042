"""Source attribution: who is credited with a statement in each paragraph.

:func:`extract_attributions` finds reporting cues (``lexicons/reporting_verbs.csv``,
matched with one Aho-Corasick pass) outside quotation marks and the source each
one credits:

* a verb cue with its subject before it ("Guo said", "Zhao Junjie, a senior
  research fellow at ..., told the Global Times", "the chamber highlighted"),
  or after it ("..., said Feng Zhongping"); a participle ("..., adding that")
  belongs to the subject of its clause; a subject that is a document takes its
  owner ("a release from UFCW Local 832 said");
* a source-after cue ("according to X", "according to a fact sheet published
  by the White House", "learned from X"); a document with no issuer named is
  itself the source ("according to a study", ``lexicons/document_words.csv``),
  and "the report" later in the article is that document or its issuer;
* a noun cue with a possessive or an agent ("Trump's claim", "criticism from
  China").

Sources are resolved per article: short forms to the fullest name ("Guo" ->
"Guo Jiakun"), pronouns to the last compatible speaker or to a person just
named as a sentence subject, role phrases ("the spokesperson", "the chamber")
to the source they describe, an acronym to the name it abbreviates, and the
Chinese surname "He" to a recently named "He Lifeng". Names are registered
lazily: an earlier paragraph is scanned only when a short form, pronoun or role
phrase needs it.

Quoted passages are credited to the nearest cue of their sentence (else of the
paragraph; a paragraph that is only a quote continues the previous speaker) and
give the record its quote type: a whole quoted sentence makes it ``direct``, a
quoted fragment ``mixed``; "so-called" terms and set phrases
(``lexicons/quoted_set_phrases.csv``) are not quotes. Category and origin come
from :mod:`analysis.sources`; a source with no place of its own ("the school",
"local officials", "a study") takes the country the article is about when it is
an official body, or, in a home story of an outlet the registry knows (the
``articles`` table's ``outlet``), whatever its category.
"""
from __future__ import annotations

import bisect
import csv
import gc
import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick
import pandas as pd

from analysis import sources
from analysis.corpus import InputError, is_heading

COLUMNS = ["article", "paragraph", "speaker", "mention", "category", "origin", "quote", "cue",
           "quoted_words", "aliases"]
COUNT_GROUPS = {"article": ["article"], "outlet": ["outlet"], "corpus": []}

_CONNECTORS = {"of", "for", "the", "at", "in", "on", "de", "von", "der", "van", "den", "al", "bin",
               "du", "da", "di", "la", "le", "del", "dos", "y", "&"}
_NAME_PARTICLES = {"von", "der", "van", "den", "de", "al", "bin", "du", "da", "di", "la", "le", "del", "dos"}
_DETERMINERS = {"the", "a", "an", "some", "many", "several", "other", "its", "his", "her", "their", "both",
                "all", "most", "one", "two", "three", "these", "those", "this", "another", "each",
                "our", "various", "numerous", "few", "more", "any"}
_ADJECTIVES = {"senior", "former", "current", "leading", "independent", "core", "chief", "deputy", "general", "top",
               "local", "foreign", "state", "national", "international", "regional", "new", "outgoing",
               "incoming", "acting", "vice", "executive", "managing", "associate", "assistant", "visiting",
               "official", "prominent", "renowned", "well-known", "veteran", "retired", "permanent",
               "chinese", "american", "british", "european", "us", "eu", "uk", "news", "media", "tech",
               "chip", "industry", "research", "policy", "security", "trade", "financial", "economic",
               "health", "state-owned", "private", "public", "major", "big", "political", "military",
               "communist", "ruling", "opposition", "government", "ministry", "foreign-affairs"}
_PRONOUNS = {"he": "m", "she": "f", "it": "o", "they": "p"}
# a role phrase with a lower-case complement, a whole clause subject: "the shadow minister for multicultural affairs",
# "given that China's ministry of education"
_ROLE_COMPLEMENT = re.compile(r"^\s*(?:(?:and|but|while|as|given that|because|after|since|when)\s+)?"
                              r"((?:the|a|an|[A-Z][\w\-]*'s)\s+(?:[\w\-]+\s+){0,3}?([\w\-]+)\s+"
                              r"(?:for|of|on|at|in)\s+(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)\s*$")
# a role sent to a place or body: "China's ambassador to the United States", "A Chinese envoy to United Nations"
_ROLE_TO_PLACE = re.compile(r"^\s*(?:(?:and|but|while|as|after|when)\s+)?((?:the|a|an|[A-Z][\w\-]*'s|[A-Z][\w\-]*)\s+"
                            r"(?:[\w\-]+\s+){0,4}?([\w\-]+)\s+to\s+(?:the\s+)?"
                            r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}))\s*$")
_FIRST_OF_JOINT = re.compile(r"\s*[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,2}\s+and\s+(?=[A-Z])")
# documents that "the <noun>" stands for: the nouns of document_words.csv but "paper" (also a newspaper), and the
# documents that only ever stand for their issuer ("a release from UFCW Local 832 said")
_ISSUED_DOCUMENTS = (set(sources.document_words()) - {"paper"}) | {"release", "filing", "email", "post", "tweet"}
_THE_DOCUMENT = re.compile(rf"^[Tt]he\s+(?:[a-z][\w\-]*\s+)?({sources.trie_pattern(_ISSUED_DOCUMENTS)})$")
# ... and, in a subject that names its owner, a newspaper's own pieces ("An editorial in the Global Times said")
_SUBJECT_DOCUMENTS = sources.trie_pattern(_ISSUED_DOCUMENTS | {"editorial", "op-ed", "commentary"})
_DOCUMENT_NOUNS = sources.trie_pattern(sorted(sources.document_words(), key=len, reverse=True))
# "a study", "a new report", "a Harvard study": a document that is its own source when no issuer is named
_A_DOCUMENT = re.compile(rf"^(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:([\w\-]+)\s+)?({_DOCUMENT_NOUNS})$")
# how a document's author is named after it: "a survey conducted by", "a report written by"
_AUTHORED = r"(?:conducted|released|published|issued|compiled|commissioned|produced|written|carried\s+out)"
# "a letter by Labour frontbenchers", "a report from the World Bank": the document's author is the source
_DOCUMENT_BY = re.compile(rf"^(?:[Aa]n?|[Tt]he)\s+(?:[\w\-]+\s+)?(?:{_DOCUMENT_NOUNS})\s+(?:{_AUTHORED}\s+)?(?:by|from)\s+"
                          r"(?=[A-Z]|the\s)")
# a document subject and what describes it before the cue: "The study, which tracked ..., (found)", "A recent survey
# conducted by the ministry of more than 20,000 companies (showed)"
_DOCUMENT_OPENING = re.compile(rf"^\s*((?:[Aa]n?|[Tt]he|[Tt]his|[Aa]nother)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{_DOCUMENT_NOUNS}))"
                               r"(?:\s*,(?:[^,.;:\x01]|(?<=\d)[,.](?=\d)){3,160},\s*|\s+"
                               rf"(?:{_AUTHORED}(?:\s+by)?|by|from|of|on|into)\s+"
                               r"(?:[^,.;:\x01]|(?<=\d)[,.](?=\d)){3,160}?\s*"
                               r"|\s+in\s+the(?:\s+(?!that\b|said\b|says\b|told\b)[A-Za-z][\w\-']*){1,4}\s*"
                               rf"|\s+{_AUTHORED}(?:\s+(?:recently|earlier|today|yesterday))?\s*)$")  # (the time
# after it is cut before: "The report released"; "An editorial statement in the journal", "a survey released recently")
_AUTHOR_AFTER = re.compile(rf"\s+(?:{_AUTHORED}\s+)?by\s+")
# "a paper published in the New England Journal of Medicine": a document placed, not authored, is its own source
_DOCUMENT_PLACED = re.compile(rf"^(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w\-]*\s+)?({_DOCUMENT_NOUNS})\s+(?:published|released|"
                              r"posted|issued|presented)\s+(?:in|on|at)\s")
# a verb that asks someone else to speak: what follows "to" was requested, not said ("urging them to denounce")
_REQUESTED_OF = re.compile(r"\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on|press(?:es|ed|ing)?|"
                           r"encourag(?:e|es|ed|ing)|invit(?:e|es|ed|ing)|want(?:s|ed|ing)?)\s+"
                           r"(?:[\w\-']+\s+){1,4}to$")
# a cause that makes someone speak: "The move prompted the trade minister, Simon Birmingham, to (rebuke)"
_PROMPTED_TO = re.compile(r"\b(?:prompt(?:s|ed|ing)?|spurr(?:ed|ing)|forc(?:ed|ing))\s+((?:[^\s.;:\x01]+\s+){1,10}?)to$")
_ROLE_THEN_NAME = re.compile(r"^[^,]+,\s+([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,3})$")
# "Several countries, including Austria and Spain," / "Critics, including Joe Biden," opening the clause before a cue
_INCLUDING = re.compile(r"^\s*(?P<head>(?:[A-Z][\w\-]*\s+){0,2}[A-Za-z][\w\-]*),\s+including\s+"
                        r"(?P<list>[A-Z][^,;:\x01]{1,60}(?:,\s+[A-Z][^,;:\x01]{1,60}){0,6}),\s*$")
_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_REGISTERED_BEFORE_AND = re.compile(r"(?:^|[\s,(])((?:[Tt]he\s+)?[A-Z][\w'\-&]*(?:\s+[A-Z][\w'\-&]*){0,4})\s+and\s+$")
_REGISTERED_PAIR = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,5})\s+and\s+(?:the\s+)?"
                              r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,5})$")  # two registered bodies: one record each
_GENERIC_DOCUMENTS = {"document", "paper"}  # "the document" is whichever document the article last cited
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "both": 2}
_POSSESSIVE_PRONOUNS = {"his", "her", "its", "their", "my", "our", "your"}
_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
_COMPARATIVE_QUANTIFIERS = {("at", "least"), ("at", "most"), ("more", "than"), ("fewer", "than"), ("less", "than"),
                            ("up", "to")}
# names joined by "and" right before a named subject: "Lawrence Summers and", "Jiang Chao, Li Jinliu and"
_JOINT_BEFORE = re.compile(r"(?:(?<=\s)|^)((?:[A-Z][\w'\-]*\.?\s+){0,2}[A-Z][\w'\-]+)"
                           r"(?:\s*,\s*((?:[A-Z][\w'\-]*\.?\s+){0,2}[A-Z][\w'\-]+))?\s*,?\s+and\s+$")
_CLAUSE_WORDS = {"and", "but", "as", "while", "when", "because", "although", "though", "since", "after",
                 "before", "where", "if", "so", "then", "also", "however", "meanwhile", "moreover",
                 "furthermore", "instead", "yet", "whereas", "until", "once", "that", "even", "still",
                 "but also", "nor", "or", "notably", "indeed", "separately", "additionally", "what", "whom", "given"}
_NOT_NAMES = {"Didn't", "Doesn't", "Don't", "Isn't", "Wasn't", "Aren't", "Weren't", "Won't", "Can't", "Couldn't",
              "Wouldn't", "Shouldn't", "Hasn't", "Haven't", "Hadn't", "The", "A", "An", "In", "On", "At", "For", "Regarding", "According", "However", "But", "And",
              "When", "While", "As", "Since", "After", "Before", "During", "Per", "It", "He", "She", "They",
              "We", "I", "You", "This", "That", "These", "Those", "There", "Although", "If", "Asked", "With",
              "From", "To", "By", "Meanwhile", "Moreover", "Furthermore", "Instead", "Earlier", "Later",
              "Last", "Next", "Then", "Still", "Yet", "Also", "Both", "Some", "Many", "Several", "Such",
              "Our", "Their", "His", "Her", "Its", "My", "Your", "Notably", "Overall", "Despite", "Under",
              "Over", "Among", "Between", "Through", "Without", "Within", "What", "How", "Why", "Who",
              "Where", "Which", "Each", "Every", "All", "Any", "No", "Not", "Yes", "Even", "Only", "Just",
              "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
              "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December", "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof", "Prof.",
              "Sir", "Dame", "Lord", "Madam", "Another", "Other", "Here", "Now", "Today", "Once", "So", "Sure",
              "Please",
              "Or", "Nor", "Though", "Because", "Unlike", "Like", "Of", "Following", "Speaking", "Addressing",
              "Citing", "Noting", "Adding", "Saying", "Echoing", "Responding", "Commenting", "Reviewing", "Concerning",
              "Amid", "Given", "Besides", "Beyond", "Referring", "Jan", "Feb",
              "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Reports", "Report", "Sources",
              "Critics", "Officials", "Experts", "Analysts", "Residents", "Others", "People", "Police"}
_TIME_WORDS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
               "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
               "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}
_HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "Prof", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Sir", "Dame", "Lord",
               "Madam", "Miss"} | sources.MILITARY_RANKS | sources.POLITICAL_TITLES
_CLASSIFYING_HONORIFICS = {"Dr", "Dr.", "Prof", "Prof."} | sources.MILITARY_RANKS | sources.POLITICAL_TITLES  # tell
# a source's category
_GENDER_BY_HONORIFIC = {"Mr": "m", "Mr.": "m", "Sir": "m", "Lord": "m", "Mrs": "f", "Mrs.": "f", "Ms": "f",
                        "Ms.": "f", "Dame": "f", "Madam": "f", "Miss": "f"}
_GENDER_BY_ROLE = {"spokeswoman": "f", "spokesman": "m", "chairwoman": "f", "chairman": "m", "businesswoman": "f",
                   "businessman": "m", "congresswoman": "f", "congressman": "m", "actress": "f", "mother": "f",
                   "father": "m", "wife": "f", "husband": "m", "daughter": "f", "son": "m", "sister": "f",
                   "brother": "m", "grandmother": "f", "grandfather": "m", "widow": "f", "widower": "m"}
_SOURCE_DOCUMENTS = {"website", "fact sheet", "transcript", "white paper", "editorial"}
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "prof", "st", "co", "corp", "inc", "ltd", "jr", "sr", "no", "gov",
                  "sen", "rep", "gen", "lt", "col", "capt", "jan", "feb", "aug", "sept", "sep", "oct", "nov",
                  "dec", "u.s", "u.k", "e.g", "i.e", "vs", "mt", "ft", "approx", "dept", "est", "govt"}

_TOKEN = re.compile(r"\([^()\s]{1,12}\)|[^\s,;:()\x01]+")
_TRAILING_NOISE = re.compile(
    r"(?:\s+(?:also|further|then|later|earlier|previously|once|again|repeatedly|recently|already|publicly|"
    r"separately|additionally|still|even|has|have|had|would|will|could|did|does|do|had|reportedly|since|both|jointly|"
    r"once again|specifically|clearly|explicitly|firmly|strongly|bluntly|openly|flatly|immediately|"
    r"simply|further|likewise|similarly|then|had|has\s+also|have\s+also|subsequently|however|"
    r"therefore|thus|furthermore|moreover|meanwhile|finally|now|often|sometimes|always|long|too|"
    r"at\s+times|at\s+one\s+point|on\s+occasion|in\s+the\s+past|in\s+recent\s+(?:years|months|weeks|days)|"
    r"for\s+(?:years|months|weeks|decades)|at\s+the\s+time|in\s+(?:early\s+|late\s+|mid-)?(?:19|20)\d\d|"
    r"on\s+(?:Twitter|Facebook|Weibo|WeChat|Instagram|YouTube|TikTok)|"
    r"(?!family|assembly|supply|rally|anomaly|monopoly|italy|reply|apply|only|daily|weekly|monthly|holy|ugly|july|"
    r"ally|bully|belly)[a-z]{3,}ly|"
    r"(?:early|late|earlier|later)?\s*(?:on|this|last|next)?\s*(?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday|week|month|year|weekend|night|morning|evening|afternoon|today|yesterday)"
    r"(?:\s+(?:night|morning|evening|afternoon))?|"
    r"(?:in|on|at|during|via|through|over)\s+(?:a|an|the|his|her|their|its)\s+[^,\x01]{0,60}?"
    r"(?:statement|interview|speech|press conference|briefing|conference|letter|post|tweet|video|release|"
    r"meeting|report|email|e-mail|message|op-ed|article|address|session|forum|event|call|hearing|remarks)|"
    r"(?:on|in)\s+(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?|"
    r"\((?:local time|[A-Z]{2,6} time)\))\s*)$"
)
_LEADING_ADVERBIAL = re.compile(
    r"^\s*(?:on|this|last|early|late|earlier|later)?\s*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday|week|month|year|weekend|night|morning|evening|afternoon|today|yesterday)"
    r"(?:\s+(?:night|morning|evening|afternoon))?\s*|^\s*(?:in|at|during|on)\s+(?:a|an|the|his|her|their|its)\s+"
    r"[^,\x01]{0,40}?(?:statement|interview|speech|press conference|briefing|conference|letter|post|video|"
    r"release|message|email|e-mail|tweet|blog|op-ed|news conference|phone call|text message|account|page|feed|"
    r"channel|website|podcast|programme|program|show)\s*,?\s*"
)
_WITH_SUBJECT = re.compile(r"(?:^|[,;(]\s*|\s)[Ww]ith\s+((?:the\s+|a\s+|an\s+)?[^\s,;\x01]+(?:\s+[^\s,;\x01]+){0,5}"
                           r"(?:\s*,\s*[A-Z][^\s,;\x01]*(?:\s+[A-Z][^\s,;\x01]*){0,3}\s*,)?)\s*$")
_HYPOTHETICAL = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ww]hether)\s+(?:the\s+|a\s+|an\s+)?[^\s,;\x01]+(?:\s+[^\s,;\x01]+){0,3}"
                           r"\s*$")
_CLAUSE_CONTINUES = re.compile(r"^\s+(?:are|is|was|were|has|have|had|will|would|could|can|may|might)\b")
# a possessed role after "which"/"that", the object of the cue's clause: "which Australia's trade minister (said)"
_WHICH_THEN_SPEAKER = re.compile(r"(?:^|[\s,])(?:which|that)\s+([A-Z][\w\-]*'s\s+(?:[a-z][\w\-]*\s+){0,3}"
                                 r"[a-z][\w\-]*)$")
_RELATIVE_SPEAKER = re.compile(r"(?:the|a|an|its|their|his|her)\s+(?:[\w\-]+\s+){0,3}[\w\-]+|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2}|"
                               r"[a-z]+ists|[a-z]+ers|officials|experts|police")


def _relative_clause_speaker(stripped: str) -> tuple[str, int, list[str]] | None:
    """The speaker of a relative clause without "that" ("accounts the social media site says are ...",
    "outbreaks scientists say are inevitable"): the shortest noun phrase ending the text right after a noun or
    "which"/"that"."""
    words = list(re.finditer(r"\S+", stripped[-80:]))
    base = len(stripped) - len(stripped[-80:])
    for index in range(len(words) - 1, 0, -1):
        candidate = stripped[base + words[index].start():].strip()
        before = words[index - 1].group(0)
        if _RELATIVE_SPEAKER.fullmatch(candidate) and (before in ("which", "that") or (
                before.isalpha() and before.islower() and len(before) >= 3 and before not in _DETERMINERS
                and before not in _CLAUSE_WORDS)):
            return candidate, base + words[index].start(), []
    return None


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_TIME_LEAD = re.compile(r"^\s*(?:(?:this|last|next|early|late|earlier|later)\s+){0,2}(?:on\s+)?(?:(?:Monday|Tuesday|"
                        r"Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|weekend|night|morning|evening|"
                        r"afternoon|today|yesterday)(?:\s+(?:night|morning|evening|afternoon))?"
                        rf"|\d{{1,2}}\s+{_MONTHS}(?:\s+\d{{4}})?|{_MONTHS}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
                        rf"|in\s+(?:{_MONTHS}(?:\s+\d{{4}})?|\d{{4}})(?![\s,]*\d)(?!,)"
                        r"|in\s+(?:recent|the\s+past|the\s+last|the\s+coming)\s+(?:days|weeks|months|years))"
                        r"\s+(?!')",  # "In May the Global Times", "In recent days Trump and his allies"
                        re.IGNORECASE)
_THAT_WORD_AFTER = re.compile(r"^\s*(?:[^\s,.;\x01]+\s+){0,3}?that\b")
# a that-less object clause: "found most tweets were posted during business hours"
_FINITE_CLAUSE_AFTER = re.compile(r"^\s+(?!out\b|up\b)(?:(?:most|many|some|the|a|an|its|their|no|few|all)\s+)?"
                                  r"(?:(?!who\b|which\b|that\b)[a-z][\w\-]*\s+){0,3}?"
                                  r"(?:was|were|is|are|had|has|have|would|could|did|will)\s")
# a that-less object clause after a verb of saying: "(Zhao suggested) the US army might have brought the virus"
_OBJECT_CLAUSE_AFTER = re.compile(r"^\s+(?!out\b|up\b|to\b|that\b)(?:(?:most|many|some|the|a|an|its|their|his|her|no|"
                                  r"few|all)\s+)?"
                                  r"(?:(?!who\b|which\b|that\b|and\b|or\b|if\b|whether\b)[A-Za-z][\w\-']*\s+){0,3}?"
                                  r"(?:was|were|is|are|had|has|have|would|could|did|will|might|may|should|must|can)\s")
# a name that ends a prepositional phrase right before the verb is no subject: "the susceptibility of minks and cats
# to Covid-19 suggested", "progress on Iran and Syria indicates"
_PREPOSITIONAL_OBJECT_BEFORE = re.compile(r"\b(?:to|in|on|at|for|with|from|about|over|against|into|across|between)\s+"
                                          r"(?:the\s+)?[A-Z][\w\-']*(?:\s+(?:and\s+)?[A-Z][\w\-']*)*\s*$")
# a subject inside a subordinate clause that opens someone else's that-clause: "(Tedros said) that although the
# team has concluded a laboratory leak is the least likely hypothesis, ..."
_SUBORDINATE_SUBJECT_BEFORE = re.compile(r"\bthat\s+(?:although|though|while|whereas|because|since|if|unless|when)\s+"
                                         r"[^,;:\x01]{1,60}$", re.IGNORECASE)
# a clause in the past tense after a document's finding verb: "(The study found) the virus evolved in bats"
_PAST_CLAUSE_AFTER = re.compile(r"^\s+(?:(?:most|many|some|the|a|an|its|their|no|few|all)\s+)?"
                                r"(?:(?!who\b|which\b|that\b)[a-z][\w\-]*\s+){0,3}?[a-z]{3,}ed\s")
# A definite source phrase set off by a comma before a reporting verb that is itself followed by a comma: a
# reporting clause inside the sentence, not an appositive of the name before it.
_PARENTHETICAL_SOURCE = re.compile(r",\s+((?:the|The|a|an)\s+[^,\x01]{1,60})$")
# A document's issuer right after it: "a notice, released by the State Council's ... Mechanism"
_ISSUED_BY = re.compile(r",?\s+(?:released|issued|published|posted|signed|sent|circulated)\s+(?:\w+\s+)?by\s+")


def _issuer_after(text: str, end: int) -> tuple[str, int] | None:
    """The issuer named right after a document that ends at ``end`` ("a notice, released by X"), with its offset."""
    issued = _ISSUED_BY.match(text, end)
    issuer = _leading_np(text[issued.end():issued.end() + 200]) if issued else None
    return (issuer[0], issued.end() + issuer[1]) if issuer is not None else None

_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be)\s*$", re.IGNORECASE)
# "suggested that", "said in a statement that", "suggested, without offering evidence, that", 'asked, "Why ..."'
_THAT_AFTER = re.compile(r"^\s*(?:,[^,.;\x01]{1,60},\s*|(?:however|though|indeed|moreover|furthermore|nevertheless|"
                         r"nonetheless|meanwhile|therefore|also|too|again|instead|now|then|later|earlier),\s+)?"
                         r"(?:[^,.;\x01]{0,50}?\s)?(?:that\b|:|\x01)|^\s*,?\s*\x01|^\s*$")  # "He states however, that"
# "[.!?][.!?]*", not "[.!?]+": a pattern that opens with a character class lets the regex engine skip ahead fast
_SENTENCE_END = re.compile(r"[.!?](?:[.!?]*[\x01'\")\]]*\s+(?=[A-Z\x01\"'(\d])|(?<=[a-z][a-z]\.)(?=[A-Z][a-z]*\s))")
# (the second branch: a full stop a print layout fused to the next sentence, "... the institute.A CSIRO spokesman")
_IDENTIFIED_AS = re.compile(r"\b(?:identified|named|known)\s+(?:only\s+)?(?:as|by)\s+(?:(?:his|her|the)\s+"
                            r"(?:surname|name|family name)\s+)?([A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?)")
# what "according to" may cite: the documents of document_words.csv and other sources of information
_INFORMATION_WORDS = {"information", "data", "statements", "reports", "figures", "statistics", "documents",
                      "notices", "release", "press release", "post", "article", "estimates", "announcement", "filing",
                      "records", "account", "website", "fact sheet", "white paper", "editorial", "interview",
                      "research", "findings", "results", "numbers", "database", "tally"}
_INFORMATION_LEAD = re.compile(r"\s*(?:(?:the|a|an|its|their|his|her|this|that|these|those)\s+)?(?:[a-z\-]+\s+){0,2}?"
                               rf"({sources.trie_pattern(_INFORMATION_WORDS | set(sources.document_words()))})\b")
_LEADER_WORDS = frozenset({"chief", "head", "boss", "leader", "chairman", "chairwoman", "chair", "president",
                           "director", "director-general", "secretary-general", "ceo", "founder"})
_RANK_WORDS = frozenset({"top", "senior", "chief", "veteran", "leading", "prominent", "well-known", "renowned"})
# the subject of a "what" clause right before its cue: "detained over what China describes as", "what the ministry
# called"
_WHAT_SUBJECT = re.compile(r"\bwhat\s+((?:the\s+)?(?:[A-Z][\w'\-]*\s+){0,3}[A-Z][\w'\-]*|the\s+[a-z]+)\s*$")
_AND_OTHERS = re.compile(r"(?:^|[,;:.]\s+|\b(?:[Bb]ut|[Aa]nd|that|when|as)\s+)(?!(?:But|And|Yet|So)\s)"
                         r"((?:the\s+)?[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,4})"
                         r"\s+and\s+(?:several\s+|many\s+|some\s+)?other\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2}\s*$")
_RELATIVE_BEFORE = re.compile(r"\b(?:in which|during which|after which|at which|in whose)\s+$")
# a subordinate clause inside a "who" clause: "Li Wenliang, who was censored when he tried to warn"
_WHO_CLAUSE_BEFORE = re.compile(r",\s+who\s+[^,;.\x01]{1,70}\b(?:when|after|before|because|while|until|as)\s+$")
_SPACED_HYPHEN = re.compile(r"(?<=[a-z0-9)]) [-\u2013] ")  # a spaced hyphen or en dash
# a dateline opening a paragraph: "WASHINGTON — ", "HONG KONG - ", "BEIJING, May 30 (Xinhua) -- "
_DATELINE = re.compile(r"[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
                       r"(?:\s*\([A-Z][\w ]{0,20}\))?\s*(?:\u2014|\u2013|--|-)\s+")
_BREAK_IN_PHRASE = re.compile(r"(?:^|\s)([A-Za-z][a-z]+)\.\s+(?=[A-Z])")  # a full stop after a word, not an initial
_DOCUMENT_TO_CUE = 50  # characters between a document and the cue of its issuer: "said, in its report"
_CITED_BEFORE = re.compile(r"\baccording\s+to\s*$", re.IGNORECASE)
_WEBSITE_OWNER = re.compile(r"^\s+(?:posted\s+|published\s+|released\s+|issued\s+)?on\s+(?:the\s+)?"
                            r"([\w\-]+(?:\s+[\w\-]+){0,3}?)(?:'s)?\s+(?:official\s+)?website\b")
_MEDIA_AFTER = re.compile(r"^\s+(?:in|on)\s+")
_OWNER_AFTER = re.compile(r"^\s*(?:(?:published|released|issued|provided|shared|posted|compiled|made|prepared|filed|"
                          r"obtained)\s+)?(?:by|from|of)\s+")
_OWNER_VERB = re.compile(r"^\s*(?:that\s+)?((?:the\s+|a\s+|an\s+)?[^\s,.;\x01]+(?:\s+[^\s,.;\x01]+){0,5}?)\s+"
                         r"(?:shared|provided|released|published|issued|posted|gave|sent|showed)\b")
_SET_PHRASE_BEFORE = ("so-called", "so called", "dubbed", "termed", "labelled", "labeled", "nicknamed", "known as",
                      "the term", "the phrase", "the slogan", "the word", "the words", "titled", "entitled", "called",
                      "named")
_SPOKESPERSON_FOR = re.compile(r"^(?:[\w\-]+\s+){0,2}?(?:spokesperson|spokesman|spokeswoman|spokespeople|representative|"
                               r"source|official)s?\s+(?:for|of|from|at|with)\s+(.+)$", re.IGNORECASE)
_NAME_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Adm",
                       "Sgt", "Capt", "Co", "Inc", "Ltd", "Corp", "Mt", "Ft")


def _abbreviation_tails(abbreviations: tuple[str, ...]) -> str:
    """An alternation of what follows the capital letter of each abbreviation, each tail allowed only after its
    own letter ("(?<=M)(?:r|rs|s)" for Mr, Mrs, Ms): a pattern that opens with a plain [A-Z] lets the regex
    engine skip straight to capital letters."""
    tails: dict[str, list[str]] = {}
    for word in sorted(abbreviations):
        tails.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(f"(?<={letter})(?:{'|'.join(rest)})" for letter, rest in tails.items())


# a capitalised word, or an initial or abbreviation with its full stop ("J.", "Mr.", "Sen."), not a short word that
# ends a sentence ("... said Cao Yi. But ..."). At most one of "", "r", "rs", ... can be followed by the full stop,
# so this matches exactly what "(?:[A-Z]|Mr|Mrs|...)\.(?=\s+[A-Z])|[A-Z](?:[\w'\-]|\.(?=\w))*" matches.
_NAME_TOKEN = (rf"[A-Z](?:(?:{_abbreviation_tails(_NAME_ABBREVIATIONS)})?\.(?=\s+[A-Z])"
               r"|(?:[\w'\-]|\.(?=\w))*)")
# "and" inside a name when capitalised words ending in an organisation word follow: "National Development and
# Reform Commission", "Food and Agriculture Organization", "China Iron and Steel Association"
_ORGANISATION_HEADS = sources.trie_pattern(sorted(word.title() for word, (_, kind) in sources.role_words().items()
                                                  if kind == "org" and " " not in word))
_ORG_AND = rf"and(?=(?:\s+[A-Z][\w'\-]*){{0,3}}\s+(?:{_ORGANISATION_HEADS})\b)"
_NAME_RUN = re.compile(rf"{_NAME_TOKEN}(?:\s+(?:(?:of|for|the|de|von|der|van|den|al|bin|in|on|at|du|da|di|la|le|&|"
                       rf"{_ORG_AND})\s+)*{_NAME_TOKEN})*(?:\s+\([A-Z]{{2,8}}\))?")
# an organisation whose field joins two capitalised parts with "and": "Ministry of Ecology and Environment",
# "Department of Health and Human Services"
_ORG_FIELD_AND = re.compile(rf"(?:The\s+)?(?:{_ORGANISATION_HEADS})\s+(?:of|for)\s+(?:the\s+)?"
                            rf"(?P<first>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){{0,2}})\s+and\s+"
                            rf"(?P<second>[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){{0,2}})(?![\w'\-]|\s+[A-Z])"
                            rf"(?:\s+\([A-Z]{{2,8}}\))?")
_DOUBLE_QUOTE = re.compile('"')
_CLOSING_FIRST = re.compile(r'[^"\s][^"]*(?:[,!?]"\s|(?<=^[a-z])[^"]*[\w.]"[\s,])')
_ISSUED_DOCUMENT = re.compile(r"\b(?:issued|released|published|put out|posted|sent|wrote|filed|lodged|submitted)\s+"
                             r"(?:a|an|its|their|his|her)\s+"
                             r"(?:[\w\-]+\s+){0,2}(?:statement|report|letter|notice|release|post|message|memo|tweet|"
                             r"story|article|commentary|editorial|video|complaint|lawsuit|suit|petition)"
                             r"(?:\s+(?:on\s+|late\s+|early\s+)?"
                             r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\s+(?:this|last)\s+"
                             r"(?:week|month))?"
                             r"(?:\s+to\s+(?:[\w\-']+\s+){0,5}?[\w\-']+)?"  # "sent a letter to members of Congress"
                             r"\s*,?\s*$")
# "Pompeo also issued a vague warning that": "warning" is the noun, and the source is who issued it
_GAVE_A = re.compile(r"\b(?:issued|gave|sounded|delivered|repeated|made|renewed|lodged|voiced|expressed|sent|"
                     r"raised)\s+"
                     r"(?:a|an|the|its|his|her|their)\s+(?:[a-z][\w\-]*\s+){0,2}$")
# what a given noun cue is about when it is no that-clause: "lodged a strong protest with the US over the visit"
_NOUN_TOPIC_AFTER = re.compile(r"\s+(?:(?:with|to)\s+(?:the\s+)?[\w\-']+(?:\s+[\w\-']+)?\s+)?(?:on\s+[A-Z]\w+\s+)?"
                               r"(?:over|about|against)\s")
_PROGRESSIVE_AUXILIARY = re.compile(r"(?:\s+(?:has|have|had)(?:\s+(?:long|also|for\s+(?:years|months|weeks|decades)))?"
                                    r"\s+been|\s+(?:is|are|was|were))"
                                    r"(?:\s+(?:also|still|now|repeatedly|publicly|increasingly|openly))?$")
# what may follow a cue that closes a quoted sentence: "asked before going off", "wondered loudly", "noted in a post"
_ADVERBIAL_AFTER_CUE = re.compile(r"\s+(?:[a-z]+ly\b|(?:before|after|as|while|when|during|in|on|at|with|from)\s)")
_IN_OUTLET = re.compile(r"\s+(?:in|for)\s+(?:the\s+)?([A-Z][\w\-']*(?:\s+[A-Z][\w\-']*){0,3})$")
# a participle clause after a cue that closes its content: '"...", Wong charged, arguing that ...'
_PARTICIPLE_AFTER_CUE = re.compile(r"\s*,\s+[a-z]+ing\b")
_AND_ASIDE = re.compile(r"\s+(and|but)\s*,\s*(?:[\w'\-]+\s+){0,4}[\w'\-]+\s*,$")
_LISTED_AFTER = re.compile(r"\b(?:including|such as)\s+[^.;:\x01]*$")
# a list's head inside a prepositional phrase: "parliamentarians from a host of countries (including ...)"
_IN_PHRASE_BEFORE_LIST = re.compile(r"\b(?:from|of|in|among|by|with|to|for|between)\s+(?:[\w\-]+\s+){0,4}$")
_AND_COUNTRY = re.compile(r"\s*,?\s+(?:and|along\s+with|as\s+well\s+as)\s+(?:the\s+)?"
                          rf"({sources.trie_pattern(sources.nationality_words())})(?![\w-])"
                          r"(?=\s*(?:[,.;:)]|$|\s(?:and|over|for|on|about|to|that|in|against|after|as|with|at)\b))")
# "that" after the noun, or after a short place or time phrase ("an explicit warning in the AFR that")
_THAT_AFTER_NOUN = re.compile(r"\s+(?:(?:in|on|at|to|last|this)\s+(?:the\s+)?[\w\-']+\s+)?that\b")
_TRAILING_ADVERB = re.compile(r"\s+(?:also|still|again|once again|repeatedly|recently|later|earlier)\s*$")
_PARTICIPLE_LEAD = re.compile(r"(?:,|\bwhile|\bbefore|\bafter|\bby|\bwhen|\x01)\s*$")
_RECIPIENT = re.compile(r"\s+((?:the\s+)?(?:[A-Z][\w'\-]*\s*){1,4}|reporters|journalists)")
_DESCRIPTION_AFTER = re.compile(r"\s*,\s*([A-Z][^,;\x01.]{0,200}?)(?=,|\.|;|\x01|$)")
_APPOSITIVE_AFTER = re.compile(r"\s*,\s*((?:a|an|the|also|who|which|[a-z]|[A-Z][\w\-]*'s\s|[A-Z][\w\-]*\s)"
                               r"[^,;\x01.]{0,200}?)"
                               r"(?=,|\.|;|\x01|$)")  # ", China's permanent representative to the UN,"
_SEGMENT = re.compile(r"(?:[^,;:\x01()\u2014]+|(?<=\d),(?=\d{3}))+|\([^()]*\)")  # "348,608" is one number
_COORDINATION_END = re.compile(r"\b(?:and|but|but also|or)\s*$")
_OBJECT_THEN_OWNER = re.compile(r"^([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s+(?:for|against|over|with|to)\s+(the\s+[A-Z].*)$")
_POSSESSIVE_BEFORE = re.compile(r"((?:[^\s,;\x01]+\s+){0,6}?[^\s,;\x01]+)(?:'s|')\s+(?:[a-z][\w\-]*\s+){0,2}"
                                r"(?:(?<=[^s] )and\s+[a-z][\w\-]*\s+)?$")  # "the government's early and vocal (calls for)"
# nouns whose "of" names who gave them ("despite the advice of the World Health Organization"), unlike "criticism of"
_OF_AGENT_NOUNS = frozenset({"advice", "remarks", "words"})
_OF_AGENT = re.compile(r"\s+of\s+(?=(?:the\s+)?[A-Z])")
_AGENT_AFTER = re.compile(r"\s+(?:on\s+[A-Z][a-z]+day\s+)?(?:made\s+|issued\s+|released\s+)?(?:from|by)\s+")
_INNER_SENTENCE = re.compile(r"[.!?]\s+['\"]?[A-Z]")
_CUE_TO_QUOTE = re.compile(r"(?:\s+[^,\x01]{0,60}?(?:\s+that|:)|\s+that)?\s*[:,]?")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_DOCUMENT_WORD = re.compile(rf"\b(?:{_SUBJECT_DOCUMENTS})\b")
# a document that a relative pronoun before the cue stands for: "a study that (concluded)", "a resolution which"
_DOCUMENT_RELATIVE = re.compile(rf"(?:^|\s)((?:[Aa]n?|[Tt]he|[Tt]his|[Ii]ts|[Tt]heir)\s+"
                                rf"(?:(?!(?:a|an|the)\b)[\w\-]+(?<!ed)\s+){{0,3}}?"
                                rf"(?:{_DOCUMENT_NOUNS}))(?:\s*,)?\s+(?:that|which)$")
_AS_BEFORE = re.compile(r"(?:^|[\s,;(])as\s+$", re.IGNORECASE)
_CAPITALISED_OWNER = re.compile(r"(?:[Aa]n?|[Tt]he)\s+((?:[A-Z][\w\-.&]*\s+){1,3})")  # "a CNN report": CNN
_DOCUMENT_SPEECH = frozenset({"said", "says", "stated", "states", "declared", "declares", "asserted", "asserts",
                              "argued", "argues", "concluded", "concludes", "reads", "read", "warned", "warns"})
_NEGATED_BEFORE = re.compile(r"\b(?:nothing|no|not|never)\b[^,;]*$", re.IGNORECASE)  # "nothing in the analysis that"
# a document owned by a lower-case body: "The trade academy's report", "the government's emergency response plan"
_OWNED_DOCUMENT = re.compile(rf"(?:^|\s)(?P<owner>[Tt]he\s+(?:[a-z][\w\-]*\s+){{0,2}}[a-z][\w\-]*)'s\s+"
                             rf"(?:[a-z][\w\-]*\s+){{0,2}}(?:{_DOCUMENT_NOUNS})\s*$")
_DOCUMENT_SUBJECT = re.compile(
    r"(?:^|\s)(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+)?(?P<owner>(?:[A-Z][\w\-]*\s+){0,4}?[A-Z][\w\-]*?)?(?:'s?)?\s*"
    r"(?:(?:emailed|written|joint|official|brief|new|latest|press|news)\s+)?"
    rf"(?:{_SUBJECT_DOCUMENTS})"
    r"(?:\s+(?:[\w\-]+\s+){0,5}?(?P<link>from|by|of|in)\s+(?P<by>(?:the\s+)?[A-Z][^,\x01]*?|"
    r"(?:two|three|four|five|several|a\s+team\s+of)\s+[^,\x01]*?))?\s*$")
_SENTENCE_ADVERBS = {"however", "meanwhile", "too", "also", "though", "in turn", "therefore", "moreover",
                     "furthermore", "for example", "for instance", "in fact", "of course", "again", "instead",
                     "nevertheless", "still", "then", "now", "later", "earlier", "previously", "in addition",
                     "for its part", "for his part", "for her part", "for their part", "in response", "in return",
                     "on the other hand", "in contrast", "by contrast", "at the same time", "in the meantime",
                     "separately", "in particular", "on the contrary"}
# a heading that is only a source, a colon and its quote in single marks: "Liu: 'Countries of the world belong to
# one ...'", "Science Museum, London: 'We had to call in lots of favours ...'"
# a subheading that credits a quotation: "Museum of London: 'Coronavirus triggered ...'"
_COLON_QUOTE = re.compile(r"^(?:[A-Z][\w'\-]*(?:\s+(?:[A-Z&][\w'\-]*|of|and|for|the)){0,5})"
                          r"(?:,\s*[A-Z][\w\s]{0,30})?:\s+'[^']{8,160}'\s*$")
_HEADLINE_QUOTE = re.compile(r"(?<![\w'])'([^'\s](?:[^']{0,80}?[^'\s])?)'(?![\w'])")  # 'unprecedented'
_LINKING_WORDS = _SENTENCE_ADVERBS | {"but", "and", "so", "yet", "thus", "hence", "indeed", "similarly", "likewise"}
_INVERTED_NAME = re.compile(r"^\s*(?P<title>(?:[A-Z][\w\-]*\s+)?(?:[a-z][\w\-]*\s+){1,5})(?P<name>(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?"
                            r"[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){0,3})")
_AFTER_NOUN_CUE = {"to", "that", "about", "over", "of", "on", "against", "from", "at", "in", "regarding", "concerning",
                   "for", "with", "by", "as", "and", "which", "were", "was", "is", "are", "has", "have", "had",
                   "may", "might", "would", "will", "could", "can", "last", "this", "earlier", "during", "made"}
_REPORTER_BEFORE = re.compile(r"\b(?:reporters?|journalists?|correspondents?|Times|Daily|News|Agency|Xinhua|CGTN|"
                              r"newspaper|we|has|have|had)\b[^,;\x01]{0,30}$")
_HE_SURNAME = re.compile(r"\bHe [A-Z][a-z]+\b(?!\s+(?:said|says|told|added|noted|stated|stressed))")
_SECTION_LABEL = re.compile(r"[A-Z][A-Z'\-.&/ ]{1,40}[A-Z]:\s+(?=[A-Z\x01\"])")
_DANGLING_POSSESSIVE = re.compile(r"(?<=[a-z])\s+of\s+(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?'s$")
_ROLE_LINK = re.compile(r"\s+(?:of|for|at|to|in|with|from|under)\s+")  # "ambassador to China": the role before it
_PRONOUN_AFTER_CUE = re.compile(r"\s+(?:that\s+)?(she|he)\b")
_LEADING_PREPOSITIONS = frozenset({"On", "In", "At", "During", "Since", "Until", "Before", "After"})
_PLACE_PREPOSITION = re.compile(r"\b(?:[Ii]n|across|throughout)\s+$")
_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)\s*$")
# lower-case modifiers before a name the registry knows: "the official Xinhua news agency"
_MODIFIED_NAME = re.compile(r"^(?:[Tt]he\s+|[Aa]n?\s+)?((?:[a-z][\w\-]*\s+){1,3})([A-Z].*)$")
_POSTED_TO_PLACE = re.compile(r"(?:\s+(?:to|of|in|at)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})?")
_NAME_AFTER_ROLE = re.compile(r",\s+((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,3})\s*(?:[,.;]|$)")
_SUBORDINATOR = re.compile(r"\b(?:before|after|when|while|since|as|if|because|although|though|until|once)\b")
_OPENING_ADVERBS = {"indeed", "thus", "hence", "nonetheless", "overall", "otherwise", "likewise", "yet", "so",
                    "besides", "anyway", "rather", "instead", "today", "yesterday", "tomorrow", "now", "here", "there",
                    "ultimately"}
_LEADING_ADVERBIAL_WORDS = {
    "shortly", "soon", "immediately", "just", "hours", "days", "weeks", "months", "years", "minutes", "moments",
    "separately", "similarly", "nevertheless", "nonetheless", "indeed", "moreover",
    "furthermore", "still", "again", "finally",
    "in", "on", "at", "during", "after", "before", "when", "while", "as", "per", "regarding", "concerning",
    "according", "asked", "since", "with", "for", "despite", "although", "though", "if", "however", "meanwhile",
    "earlier", "later", "last", "this", "to", "by", "from", "under", "amid", "following", "besides", "beyond",
    "given", "unlike", "through", "among", "over", "within", "without", "between", "against", "toward",
    "towards", "across", "around", "upon", "speaking", "addressing", "responding", "commenting", "referring"}
# officials of several places before a cue: "officials from China, Russia and the European Union"
_GROUP_NOUNS = r"(?i:officials|leaders|representatives|diplomats|delegates|ministers|governments|envoys|delegations)"
_PLACE_ITEM = r"(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*"
_GROUP_OF_PLACES = re.compile(rf"(?:^|[\s,\x01])(?P<group>(?:[A-Za-z\-]+\s+){{0,2}}?{_GROUP_NOUNS})\s+(?:from|of|in)\s+"
                              rf"(?P<list>{_PLACE_ITEM}(?:\s*,\s*{_PLACE_ITEM})*,?\s+and\s+{_PLACE_ITEM})$")
_GROUP_WORD = re.compile(rf"{_GROUP_NOUNS}\s+(?:from|of|in)\s")  # a cheap test before _GROUP_OF_PLACES
_LIST_ITEM = re.compile(_PLACE_ITEM)
# a noun a past participle modifies, or a participle coordinated with one: "a theory (rejected as ... by X)",
# "decried by many scientists and (rejected by)"
_REDUCED_PASSIVE_HEAD = re.compile(r"\b(?:(?:a|an|the|this|that|these|those|such)\s+(?:[a-z\-]+\s+){0,2}[a-z]+"
                                   r"|\bby\s+[^,.;\x01]{1,60}\s+and)$")
_BY_AGENT = re.compile(r"^(?:\s+as)?(?:\s*\x01+)?[^,.;\x01]{0,60}?\s+by\s+|^\s+by\s+")
_NOT_SPEECH_OBJECT = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its|more than|at least|over|nearly|some|[\d,.]+"
                                r"(?: million| billion)?)\s+)*(?:lives|life|victims|title|titles|victory|win|gold|"
                                r"medals?|seats?|crown|championship|prize|top spot|lead|trophy)\b")
_WHO_INSIDE = re.compile(r"^\s*((?:[\w'\-]+\s+){1,9}?)who(?:se)?\s")
_PARTY_STATE = re.compile(r"^\s*(?:[DRI]-[A-Z][A-Za-z.]{0,6}|[A-Z][a-z]{1,4}\.)\s*$")
_CONTRACTED = {"it", "he", "she", "that", "there", "what", "who", "here", "this", "let", "one"}
_NOT_TITLE_START = {"that", "it", "to", "in", "on", "at", "for", "with", "he", "she", "they", "we", "i", "you"}
_ADVERB_BETWEEN_COMMAS = re.compile(r",\s*([a-z][a-z ]*?)\s*,\s*$")
_LINKS = {"of", "for", "at", "with", "in", "from", "under"}
_OWNERS = {"his", "her", "their", "its", "our", "my"}
_PREPOSITIONS = _LINKS | {"on", "to", "via", "through", "during", "over", "after", "before", "by"}
_NOUN_FORMS = {"claim", "claims", "demand", "demands", "vow", "vows", "pledge", "pledges", "promise", "promises",
               "protest", "protests", "attack", "attacks", "praise", "warning", "warnings", "calls", "call",
               "report", "comment", "comments", "remark", "remarks", "concern", "concerns", "address",
               "speech", "statement", "statements", "announcement", "criticism", "threat", "threats", "denial",
               "post", "tweet", "tweets", "testimony", "frame", "rebuke", "rebukes"}
_FOR_A_TIME = re.compile(r"\s+(?:\d|(?:several|many|a\s+few|the\s+past|the\s+last)\s|(?:weeks|months|years|days|hours|"
                         r"minutes|decades|ages|a\s+while|a\s+moment|a\s+(?:week|month|year|day))\b)", re.IGNORECASE)
# organisation words that stand only for a body named with them ("the team" for "a team of experts"), unlike "the
# company" or "the agency", which stand for any body of their kind named just before
_NAMED_HEADS = frozenset({"team", "police", "panel", "committee", "administration", "embassy", "consulate", "court",
                          "office", "council", "parliament", "legislature", "army", "military", "navy", "university",
                          "school", "hospital", "union", "party", "museum", "family", "church", "government"})


def _named_with(entity: Entity, head: str) -> bool:
    """Whether the organisation word ``head`` is a word of the entity's name, an alias or a description."""
    return any(head in text.lower().split() for text in (entity.name, *entity.aliases, *entity.descriptors))


_SPOKESPERSON_WORDS = frozenset({"spokesperson", "spokesman", "spokeswoman"})
_AUTHORSHIP_WORDS = frozenset({"authors", "co-authors", "signatories", "signers", "writers"})
_OWNER_PRONOUNS = {"its": "it", "his": "he", "her": "she", "their": "they"}
_OWNED_CONTENT = re.compile(r"\s*(?:that\b|:?\s*\x01)")  # "his remarks that ...", 'her statement: "..."'
_IN_POSSESSIVE = re.compile(r"\bin\s+(?:[\w.\-]+\s+){0,6}[\w.\-]+(?:'s|')\s+(?:own\s+|famous\s+)?$")  # "in
# US Secretary of State John Kerry's words", "in one US reviewer's words"
_AND_DEEDS = re.compile(r"\s+and\s+(?:deeds|actions|acts|behaviou?r)\b")
_IN_OWNERS = re.compile(r"\bin\s+(?:its|his|her|their)\s+(?:own\s+)?$", re.IGNORECASE)  # "in her (own) words"
_OWNER_BEFORE = re.compile(r"\b(its|his|her|their)\s+(?:[a-z][\w\-]*\s+){0,2}$", re.IGNORECASE)
_NOUN_CONTEXT = re.compile(r"(?:'s?|\b(?:a|an|the|his|her|its|their|these|those|such))\s+(?:[a-z][\w\-]*\s+){0,2}"
                           r"(?:(?<=[^s] )and\s+[a-z][\w\-]*\s+)?$")
_WORDS = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")
_NOUN_LINK_AFTER = re.compile(r"\s+(?:of|by|from)\s")  # "claims by US officials", "praise of China's response"


@dataclass(frozen=True)
class Cue:
    """One reporting cue from the lexicon."""

    lemma: str
    stance: str
    kind: str
    inverts: bool
    needs_that: bool
    needs_that_word: bool = False  # needs_that "strict": the word "that" itself ("found that ...")
    passive_agent: bool = False  # "..., described by Western media as": the participle credits its agent
    takes_clause: bool = False  # needs_that "clause": a that-less object clause counts too ("suggested the US army
    # might have brought the virus")


# the place of what was never seen: far before any paragraph, so that "seen in the paragraph before" never holds for
# it, whatever number the article's first paragraph has (results must not depend on where an article starts)
_NEVER = (-1_000_000, 0)


@dataclass
class Entity:
    """A source named in one article, with every surface form and description seen."""

    name: str
    kind: str
    known: sources.KnownSource | None = None
    aliases: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    gender: str = ""
    last_seen: tuple[int, int] = _NEVER
    subject_seen: tuple[int, int] = _NEVER
    subject_places: list[tuple[int, int]] = field(default_factory=list)
    seen: list[tuple[int, int]] = field(default_factory=list)

    def seen_before(self, where: tuple[int, int]) -> tuple[int, int]:
        """The last place this entity was mentioned before ``where``."""
        return max((place for place in self.seen if place < where), default=_NEVER)

    def subject_before(self, where: tuple[int, int]) -> tuple[int, int]:
        """The last place this entity was a clause subject before ``where``."""
        return max((place for place in self.subject_places if place < where), default=_NEVER)

    def mark_subject(self, where: tuple[int, int]) -> None:
        self.subject_seen = max(self.subject_seen, where)
        self.subject_places.append(where)
    person_evidence: bool = False
    spoke: bool = False
    members: tuple["Entity", ...] = ()  # a joint source ("Summers and Pritchett"): one record per member
    place_evidence: bool = False  # named after "in" ("in Nova Scotia"): a place, never "he" or "she"
    document: str = ""  # a document that is its own source ("according to a study"): its noun

    @property
    def person_like(self) -> bool:
        """A person for "he"/"she": titled, with a known first name, or already a speaker."""
        return self.kind == "person" and (self.person_evidence or (bool(self.gender) or self.spoke)
                                          and not self.place_evidence)

    def add_alias(self, surface: str) -> None:
        surface = " ".join(surface.split())
        if surface and surface != self.name and surface not in self.aliases:
            self.aliases.append(surface)

    def add_descriptor(self, text: str) -> None:
        overrun = _DESCRIPTION_OVERRUN.search(text)
        if overrun:  # "director of ... in Shanghai told the state-run Global Times": the outlet is the recipient
            text = text[:overrun.start()]
        text = " ".join(text.split()).strip(" ,")
        if text and text not in self.descriptors:
            self.descriptors.append(text)
            if self.kind == "person" and " " in self.name and any(
                    sources.role_words().get(_bare(word).lower(), ("", ""))[1] in ("role", "weak_role")
                    for word in text.split()[:4]):
                self.person_evidence = True  # "Ehud Menipaz, president of the Association of Engineers": a person


# A description that runs on into its clause's reporting verb ends before the verb.
_CAPTION_ASIDE = re.compile(r"\s*\((?:inset|pictured|left|right|centre|center|above|below|top|bottom|file|"
                            r"\d{4}\s*[-\u2013]\s*\d{4}|\d{1,3})\)$", re.IGNORECASE)
_CAPTION_POSITION = re.compile(r"(?:(?:second|third|fourth|far)\s+(?:from\s+)?)?(?:left|right)|cent(?:re|er)|"
                               r"pictured(?:\s+(?:above|below|left|right|here))?|inset|above|below", re.IGNORECASE)
# a direct question's opening: an auxiliary or a question word, after a conjunction
_QUESTION_OPENING = re.compile(r"\s*(?:(?:But|And|So|Yet|Then),?\s+)?(?:Is|Are|Was|Were|Do|Does|Did|Has|Have|Had|Can|"
                               r"Could|Will|Would|Should|Shall|May|Might|Must|Who|Why|How|What|Which|Where|When)\s",
                               re.IGNORECASE)
_CLAUSE_INSIDE_QUESTION = re.compile(r"\b(?:as|when|after|since|because)\s+[^,;?\x01]{1,60}$")
# a base form that is also a noun, after "the" and one capitalised word that is no plural: a compound noun
_NOUN_VERB_FORMS = frozenset({"report", "claim", "comment", "call", "demand", "promise", "pledge", "appeal", "request",
                              "warning", "statement", "review", "finding", "study"})
_NAMED_COMPOUND_BEFORE = re.compile(r"\b(?:the|a|an)\s+([A-Z][\w\-]*[^s\W])\s+$")
_AGREE_TO = re.compile(r"\s+to\s")
# the slot of an adjective: after a determiner, a possessive or a nationality ("the alleged", "Australian alleged")
_ADJECTIVE_SLOT = re.compile(r"(?:\b(?:the|a|an|his|her|its|their|this|these|those|our|your)|'s|"
                            r"\b[A-Z][a-z]+(?:an|ese|ish))\s+$")
_NAMED_AFTER = re.compile(r"\s+[A-Z][\w'\-]*(?:\s+[A-Z][\w'\-]*){0,3}\s*(?:[-\u2014\u2013,;)]|\.(?:\s|$)|$)")
_COUNTED_CASES_BEFORE = re.compile(r"\b(?:cases|deaths|infections|incidents)\s+(?:of\s+[\w\-]+\s+)?$", re.IGNORECASE)
# a fronted "As X (once) <cue>," clause: the main clause after the comma is what X said
_FRONTED_AS = re.compile(r"(?:^|[.;:]\s+|\x01\s+)As\s+(?!a\b|an\b|the\s+(?:saying|proverb)\b)[^,;\x01]{2,80}$")
_NEWSLETTER_LABEL = re.compile(r"(?:Related|Breaking|Update|Updated|Watch|Listen|See also|Read more|Read also):\s+")
_LEADING_BULLETS = frozenset({"\u00b7 ", "- ", "* ", "\u2013 ", "\u2014 "})
_DESCRIPTION_OVERRUN = re.compile(r"\s(?:told|tells|said|says)\b")


@lru_cache(maxsize=None)
def _cue_lexicon() -> tuple[dict[str, Cue], re.Pattern]:
    path = sources.LEXICONS / "reporting_verbs.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    forms: dict[str, Cue] = {}
    for row in rows:
        cue = Cue(row["lemma"], row["stance"], row.get("kind") or "verb", row.get("inverts") == "yes",
                  row.get("needs_that") in ("yes", "strict", "clause"), row.get("needs_that") == "strict",
                  row.get("passive_agent") == "yes", row.get("needs_that") == "clause")
        for form in row["forms"].split("|"):
            forms.setdefault(form.strip().lower(), cue)
    return forms, re.compile(rf"(?<![\w'\-])(?:{_trie_pattern(sorted(forms))})(?![\w\-])", re.IGNORECASE)


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation shaped as a character trie, so matching stays fast with hundreds of forms."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if char == " " else re.escape(char)) + build(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


@lru_cache(maxsize=None)
def _cue_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for form in _cue_lexicon()[0]:
        automaton.add_word(form, len(form))
    automaton.make_automaton()
    return automaton


class _CueMatch:
    """A cue found in a text, with the ``re.Match`` methods the parser uses."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, _index: int = 0) -> str:
        return self._text


def _find_cues(text: str) -> list[_CueMatch]:
    """Reporting cues in ``text`` (whole words, longest first, no overlaps), by Aho-Corasick.

    A capitalised cue after a word ("United States") is a name, not a cue.
    """
    lower = text.lower()
    if len(lower) != len(text):
        return [_CueMatch(m.start(), m.end(), m.group(0)) for m in _cue_lexicon()[1].finditer(text)]
    found = []
    size = len(lower)
    for last, length in _cue_automaton().iter(lower):
        start, end = last - length + 1, last + 1
        if start > 0 and (lower[start - 1].isalnum() or lower[start - 1] in "'-_"):
            continue
        if end < size and (lower[end].isalnum() or lower[end] in "-_"):
            continue
        if start > 1 and text[start].isupper() and text[start - 2].isalnum():
            continue
        found.append((start, -end))
    if len(found) > 1:
        found.sort()
    matches, reached = [], -1
    for start, negative_end in found:
        if start >= reached:
            matches.append(_CueMatch(start, -negative_end, text[start:-negative_end]))
            reached = -negative_end
    return matches


def cue_stance(cue: str) -> str:
    """``evaluative`` or ``neutral`` for a cue as written ("lambasted", "told the Global Times").

    The lemma whose form starts the cue decides; a cue not in
    ``lexicons/reporting_verbs.csv`` is ``neutral``.
    """
    forms = _cue_lexicon()[0]
    text = " ".join(str(cue).lower().split())
    matches = _find_cues(text)
    if matches and matches[0].start() == 0:
        return forms[matches[0].group(0)].stance
    return "neutral"


# ---------------------------------------------------------------- text helpers


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each double-quoted passage, marks included; an unclosed one runs to the end. Inside an open
    quotation, a mark that opens a word and is followed by two closing marks opens a quotation nested in it, which
    its outer one holds ('"... - "civil nomination" of ...," he said')."""
    if '"' not in text:
        return []
    marks = [match.start() for match in _DOUBLE_QUOTE.finditer(text)]
    spans, depth, start = [], 0, 0
    for index, at in enumerate(marks):
        if depth == 0:
            depth, start = 1, at
        elif depth == 1 and _opening_mark(text, at) and index + 2 < len(marks) and \
                not _opening_mark(text, marks[index + 1]) and not _opening_mark(text, marks[index + 2]):
            depth = 2
        else:
            depth -= 1
            if depth == 0:
                spans.append((start, at + 1))
    if depth:
        spans.append((start, len(text)))
    return [span for span in spans if not (text[span[0] - 1:span[0]] in ("{", ",") and
                                           _CODE_KEY.fullmatch(text, span[0], min(span[1] + 1, len(text))))]


# a quoted key of page script a scraper kept ('var addthis_config = {"data_track_addressbar":false};'): no quotation
_CODE_KEY = re.compile(r'"[\w.\-]+":')


def _opening_mark(text: str, at: int) -> bool:
    """Whether the mark at ``at`` can only open a quotation: after a space, a dash or an opening bracket and before a
    word."""
    before = text[at - 1] if at else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return before in " (-\u2014\u2013/" and (after.isalnum() or after == "'")


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with quoted passages blanked to \\x01, keeping a closing . ! ? so sentences still end."""
    pieces, last = [], 0
    for start, end in spans:
        inner = text[start + 1:end - 1].rstrip(" \"'")
        pieces.append(text[last:start])
        if inner and inner[-1] in ".!?" and end - start >= 2:
            pieces.append("\x01" * (end - start - 2) + inner[-1] + "\x01")
        else:
            pieces.append("\x01" * (end - start))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _sentence_bounds(masked: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(masked):
        stop = match.start()
        before = masked[max(start, stop - 12):stop].rsplit(None, 1)
        word = before[-1].lower().strip("\x01\"'(") if before else ""
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            continue
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(masked)))
    return bounds


@lru_cache(maxsize=1 << 16)
def _surname_he(token: str, following: str) -> bool:
    """Whether a capitalised "He" is the Chinese surname of a pinyin name ("He Lifeng", "He Zengke"), not the
    pronoun: the word after it makes a Chinese personal name with it."""
    return token == "He" and following[:1].isupper() and sources.looks_chinese_name("He " + following)


def _middle_initial(tokens: list[tuple], index: int) -> bool:
    """Whether the one-letter token at ``index`` is a middle initial written without a full stop ("Mebratu A
    Bitew"): a capital between two capitalised words with no punctuation around it."""
    if not 0 < index < len(tokens) - 1 or len(tokens[index][0]) != 1 or not tokens[index][0].isupper():
        return False
    before, after = tokens[index - 1][0], tokens[index + 1][0]
    return before.isalpha() and before[0].isupper() and before not in _NOT_NAMES and _is_cap(_bare(after))


@lru_cache(maxsize=1 << 16)
def _is_cap(token: str) -> bool:
    """Whether a token is capitalised (after any "("), has a capital after an early hyphen ("pro-China"), or is a
    token opening with a digit that holds a capital ("5G"); cached, as the same words are tested many times."""
    head = token.lstrip("(")
    if "-" in head[:4] and head.split("-", 1)[1][:1].isupper():
        return True
    return bool(head) and (head[0].isupper() or head[0].isdigit() and any(c.isupper() for c in head))


def _bare(token: str) -> str:
    return token.strip(".,;:!?\"'")


@lru_cache(maxsize=1 << 16)
def _role_word(token: str) -> bool:
    word = token.lower().strip(".,")
    if word.endswith("'s"):
        word = word[:-2]
    if word.startswith("ex-"):  # "ex-official", "ex-minister": the role held before
        word = word[3:]
    if word in sources.role_words() or word in _role_parts():
        return True
    singular = word[:-1] if word.endswith("s") else ""  # "advocates", "critics": plural of a role
    return sources.role_words().get(singular, ("", ""))[1] == "role"


@lru_cache(maxsize=None)
def _role_parts() -> frozenset[str]:
    """Words of multi-word role entries ("fact" and "sheet" of "fact sheet"), connectors left out."""
    return frozenset(part for word in sources.role_words() if " " in word for part in word.split()
                     if part not in _CONNECTORS)


# ---------------------------------------------------------------- noun phrases

def _coordinated_modifiers(tokens: list[tuple], index: int) -> bool:
    """Whether the "and" at ``index`` joins two modifiers of one head ("current and former officials", "local and
    provincial officials"): lower-case adjectives on both sides."""
    before, after = _bare(tokens[index - 1][0]), _bare(tokens[index + 1][0])
    return after.islower() and before.lower() in _COORDINABLE_MODIFIERS and after in _COORDINABLE_MODIFIERS


# adjectives that are joined by "and" before one head; not nouns that modify ("the health ministry and local ...")
# roles that many people in one story may hold, so that "the <role>" never stands for the last source of its
# category named before (unlike "the minister" or "the professor")
_COMMON_ROLES = frozenset({"doctor", "physician", "nurse", "surgeon", "patient", "resident", "worker", "student"})
_NAME_LINKS = _LINKS | {"on"}  # "the Forum on the Arms Trade"
_NUMBERED_PARTS = frozenset({"Article", "Section", "Clause", "Chapter", "Paragraph", "Rule", "Annex"})
# auxiliaries, which open a predicate and so end a noun phrase ("Adli Mansour would be interim president")
_VERB_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
                               "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did"})
_COORDINABLE_MODIFIERS = frozenset({"current", "former", "past", "present", "serving", "retired", "senior", "junior",
                                    "local", "provincial", "state", "federal", "municipal", "central", "national",
                                    "regional", "international", "foreign", "domestic", "public", "private",
                                    "civilian", "military", "political", "academic", "industry"})



@lru_cache(maxsize=1 << 16)
def _trailing_np(segment: str) -> tuple[str, int] | None:
    """The noun phrase that ends ``segment`` (a name with its titles, or a role phrase) and its offset."""
    tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(segment)]
    if not tokens:
        return None
    last = _bare(tokens[-1][0])
    if last.lower() in _PRONOUNS or last in ("who", "which"):
        return last, tokens[-1][1]
    index = len(tokens) - 1
    has_name = False
    while index >= 0:
        token = _bare(tokens[index][0])
        if not token:
            break
        lower = token.lower()
        month_surname = index > 0 and (
            token in _TIME_WORDS and _names_before_month(_bare(tokens[index - 1][0]))  # "Theresa May", "Tan Jun"
            or _bare(tokens[index - 1][0]) in _HONORIFICS)  # "Ms. May": a surname after a title, whatever it is
        if token in _TIME_WORDS and index < len(tokens) - 1 and not month_surname:
            break  # "Late on Thursday Trump insisted": the name starts after the date
        if _is_cap(token) and (token not in _NOT_NAMES or month_surname or len(tokens[index][0]) == 2
                               and tokens[index][0][1] == "." and 0 < index < len(tokens) - 1
                               or index < len(tokens) - 1 and _surname_he(token, _bare(tokens[index + 1][0]))
                               or _middle_initial(tokens, index)):
            has_name = True
        elif token in _HONORIFICS and has_name:
            pass
        elif lower in _NAME_PARTICLES and index < len(tokens) - 1 and has_name:
            pass
        elif has_name and _ordinal_in_name(tokens, index):
            pass
        elif lower in _CONNECTORS and index > 0 and index < len(tokens) - 1 and (
                _is_cap(_bare(tokens[index - 1][0])) or _role_word(_bare(tokens[index - 1][0]))) and not (
                lower == "the" and tokens[index + 1][0][:1].islower()):  # not "told the Guardian the foreign
            pass  # secretary": a new noun phrase
        elif lower == "and" and 0 < index < len(tokens) - 1 and _is_cap(_bare(tokens[index + 1][0])) and (
                sources.organisation_word_in(" ".join(t for t, _ in tokens[max(0, index - 4):index]))
                or _organisation_after_and(tokens, index) or any(  # "Secretary for Food and Health Sophia Chan"
                    tokens[back][0] in ("for", "of") and _role_word(_bare(tokens[back - 1][0]))
                    and _is_cap(_bare(tokens[back - 1][0])) for back in range(max(1, index - 4), index))):
            pass
        elif lower == "and" and 0 < index < len(tokens) - 1 and _bare(tokens[index - 1][0]) in sources.nationality_words() \
                and _bare(tokens[index + 1][0]) in sources.nationality_words():
            pass
        elif index == len(tokens) - 2 and index >= 2 and tokens[index - 1][0] == "and" and lower.isalpha() and \
                lower == token and tokens[index - 2][0].isalpha() and tokens[index - 2][0].islower() and \
                (sources.organisation_word_in(tokens[-1][0]) or _role_word(_bare(tokens[-1][0]))):
            pass  # "roads" of "the transport and roads minister" (the "and" is taken next)
        elif lower == "and" and 0 < index and index + 2 == len(tokens) - 1 and tokens[index - 1][0].isalpha() and \
                tokens[index - 1][0].islower() and tokens[index + 1][0].isalpha() and tokens[index + 1][0].islower() \
                and not (tokens[index - 1][0].endswith("s") and not tokens[index - 1][0].endswith(("ss", "ics"))) \
                and not _role_word(tokens[index - 1][0]) and (sources.organisation_word_in(tokens[-1][0])
                                                              or _role_word(_bare(tokens[-1][0]))):
            pass  # "The science and technology ministry", "the transport and roads minister": two modifiers of one head
        elif _role_word(token) or lower in _ADJECTIVES or _unit_after_name(tokens, index):
            pass
        elif lower == "and" and 0 < index < len(tokens) - 1 and _coordinated_modifiers(tokens, index):
            pass  # "current and former officials"
        elif 0 < index < len(tokens) - 1 and _AGE_LEAD.fullmatch(lower) and \
                _bare(tokens[index - 1][0]).lower() in ("a", "an"):
            pass  # "A 56-year-old farmer told": an age that modifies the head ("The 26-year-old Tsegay" is read
            # as a role phrase by the age rules)
        elif lower.endswith("'s") and lower[:-2].isalpha() and lower.islower() and 0 < index < len(tokens) - 1 \
                and _bare(tokens[index - 1][0]).lower() in ("the", "this", "that"):
            pass  # "the city's market regulation administration", "the nation's top epidemiologist"
        elif (lower.isalpha() or "-" in lower[1:-1] and lower.replace("-", "").isalpha()
              and not any(_is_cap(t) for t, _ in tokens[index + 1:])) \
                and lower.islower() and index < len(tokens) - 1 and _modifies(tokens, index):
            pass
        elif lower in ("the", "a", "an") and index >= 2 and _bare(tokens[index - 1][0]).lower() in _NAME_LINKS and (
                _is_cap(_bare(tokens[index - 2][0])) or _role_word(_bare(tokens[index - 2][0]))):
            pass
        elif lower in _DETERMINERS or (token.isdigit() and len(token) <= 3 and index < len(tokens) - 1 and
                                       _bare(tokens[-1][0]).endswith("s") and not (
                                           index > 0 and _bare(tokens[index - 1][0]) in _TIME_WORDS)):
            index -= 1  # "the ...", "100 Chinese scholars" (a count, not a date: "On March 3 scientists")
            break
        else:
            break
        index -= 1
    start = index + 1
    while start < len(tokens) and _bare(tokens[start][0]).lower() in _CONNECTORS - _NAME_PARTICLES - {"the"}:
        start += 1
    if start >= len(tokens):
        return None
    if start > 0 and _bare(tokens[start - 1][0]).lower() in _DETERMINERS:
        start -= 1
    head = _bare(tokens[-1][0])
    if not ((_is_cap(head) and (head not in _NOT_NAMES or len(tokens) >= 2 and (
            head in _TIME_WORDS and _names_before_month(_bare(tokens[-2][0]))
            or _bare(tokens[-2][0]) in _HONORIFICS))) or _role_word(head)
            or _unit_after_name(tokens, len(tokens) - 1) and any(  # "The health commission of Hubei province"
                _role_word(_bare(word)) or sources.organisation_word_in(_bare(word)) for word, _ in tokens[start:-2])):
        return None
    first = start + 1 if _bare(tokens[start][0]).lower() == "of" else start
    if first >= 2 and _bare(tokens[first - 1][0]).lower() == "of" and (
            _bare(tokens[first - 2][0]).lower() in _PART_QUANTIFIERS or _bare(tokens[first - 2][0]).isdigit()):
        start = first - 2  # "Some of the scientists", "six of the city's major business chambers"
    offset = tokens[start][1]
    return segment[offset:].strip(" ,"), offset


def _unit_after_name(tokens: list[tuple[str, int]], index: int) -> bool:
    """Whether the token at ``index`` is an administrative unit that ends the phrase right after a place's name
    ("Hubei province", "Chaoyang district"), so the unit belongs to the name."""
    return index == len(tokens) - 1 and index > 0 and _is_cap(_bare(tokens[index - 1][0])) \
        and _bare(tokens[index][0]).lower() in sources.administrative_units()


# Words that take part of a group: "<word> of the scientists" is that part of the group.
_PART_QUANTIFIERS = frozenset({"some", "many", "most", "several", "all", "both", "few", "one", "two", "three", "four",
                               "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands"})


def _modifies(tokens: list[tuple[str, int]], index: int) -> bool:
    """Whether an unknown lower-case word is a modifier inside a noun phrase ("the UN human rights office").

    It is when a capitalised word or "the" comes within three words before it and every word between is
    lower case, so the phrase reads determiner/name + modifiers + role word.
    """
    own = _bare(tokens[index][0]).lower()
    if own in _CLAUSE_WORDS or own in _DETERMINERS or own in _PRONOUNS or own in _cue_lexicon()[0] \
            or own in _VERB_AUXILIARIES \
            or own in sources.cognition_verbs():  # "the Guardian understands (Cormann)"
        return False
    before = _bare(tokens[index - 1][0]) if index else ""
    if own.endswith("ed") and own.isalpha() and (_is_cap(before) and not before.endswith("'s")
                                                 or before.lower() in _VERB_AUXILIARIES):
        return False  # a past-tense verb after its subject: "Gunmen killed officials", "has infuriated President X"
    for back in range(index - 1, max(-1, index - 4), -1):
        word = _bare(tokens[back][0])
        if word.lower() in _DETERMINERS or (_is_cap(word) and word not in _NOT_NAMES):
            return True
        if not ((word.isalpha() or word.endswith("'s") and word[:-2].isalpha()) and word.islower()) \
                or word in _CLAUSE_WORDS or word in _cue_lexicon()[0]:
            return False  # a lower-case possessive may sit inside: "the city's market regulation administration"
    return False


def _content_then_subject(left: str) -> bool:
    """Whether the text before a cue is a clause of five or more words, a comma, then a short subject (at most six
    words and "has"/"have"), or nothing: "The virus may have spread earlier than thought, an Australian thinktank
    has", "Siu Mun-lei, the head nurse and ward manager at the same hospitals," (then "agrees.")."""
    comma = left.rfind(",")
    if comma < 0 or "\x01" in left[comma:]:
        return False
    subject = left[comma + 1:].split()
    return len(subject) <= 7 and (len(subject) < 7 or subject[-1] in ("has", "have")) \
        and len(left[:comma].split()) >= 5


def _is_byline_name(subject: str, registry: dict) -> bool:
    """Whether ``subject`` is only a person's name (two or three capitalised words, no title, organisation word or
    registered source): "Fang Aiqing" of a standfirst's "..., Fang Aiqing reports."."""
    words = subject.split()
    return 2 <= len(words) <= 3 and all(_is_cap(word) for word in words) and not _role_word(words[0]) \
        and not sources.organisation_word_in(subject) and sources.lookup(registry, subject) is None


def _document_subject(clause: str) -> tuple[str, int, list[str]] | None:
    """A document opening the clause before its cue, past what describes it: "The study, which tracked 1,733
    patients, (found)", "A recent survey conducted by the ministry of more than 20,000 companies (showed)" (then
    its author, as "a report by X" is X)."""
    found = _DOCUMENT_OPENING.match(clause)
    if found is None:
        return None
    agent = _AUTHOR_AFTER.match(clause, found.end(1))
    author = _leading_np(clause[agent.end():]) if agent else None
    if author is not None:
        return author[0], agent.end() + author[1], []
    return found.group(1), found.start(1), []


def _inverted_document(text: str) -> tuple[str, int] | None:
    """A document named right after an inverted cue, with what places or authors it ("a paper published in the
    New England Journal of Medicine", "a report by the World Bank"), or None."""
    lead = len(text) - len(text.lstrip())
    clause = re.split(r"[.,;:\x01]", text[lead:], maxsplit=1)[0].rstrip()
    if _DOCUMENT_BY.match(clause) or _DOCUMENT_PLACED.match(clause):
        return clause, lead
    sibling = _SIBLING_DOCUMENT.match(re.split(r"\s+(?:on|in|at|last|this|published)\s", clause, maxsplit=1)[0])
    if sibling:  # '"...," read one of the articles' / 'warned another article on Thursday evening'
        return sibling.group(0), lead
    document = _A_DOCUMENT.match(" ".join(clause.split()[:3])) or _THE_DOCUMENT.match(" ".join(clause.split()[:3]))
    return (document.group(0), lead) if document and document.group(0) == clause else None


_NEXT_CONJUNCT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_AGENT_PLACE = re.compile(r"\s+(?:at|in|on|during)\s+")


def _more_agents(text: str) -> list[tuple[str, int]]:
    """The sources coordinated after a passive agent ("repeated by Chinese diplomats, state media and officials
    who ..."): each phrase and its offset in ``text``, when they close with "and" and every one is a name or a
    role; else none (not an appositive: "reported by Zhang Jixian, a doctor from Hubei")."""
    agents, at = [], 0
    while len(agents) < 4:
        joint = _NEXT_CONJUNCT.match(text, at)
        found = _leading_np(text[joint.end():]) if joint else None
        if found is None:
            return []
        phrase = _AGENT_PLACE.split(found[0], 1)[0]  # "US President Barack Obama at the White House"
        words = phrase.split()
        if not (_is_cap(words[0]) and words[0] not in _NOT_NAMES or _role_word(words[-1]) and
                not words[0].endswith("ed")):  # not "praised by the public and impressed people overseas"
            return []
        agents.append((phrase, joint.end() + found[1]))
        at = joint.end() + found[1] + len(phrase)
        if joint.group(0).strip(" ,") == "and":
            return agents
    return []


_FREQUENCY_ADVERBS = frozenset({"sometimes", "often", "also", "still", "now", "even", "again", "always", "never",
                                "once", "then"})


def _is_adverb(word: str) -> bool:
    """A lone adverb between a subject and its verb: "repeatedly", "sometimes"."""
    word = word.lower()
    return word in _FREQUENCY_ADVERBS or word.endswith("ly") and len(word) > 4


_PAST_VERBS = frozenset({"held", "had", "made", "took", "gave", "told", "came", "went", "saw", "found", "got", "kept",
                         "left", "met", "won", "lost", "sent", "set", "began", "became", "brought", "paid", "sold"})


def _finite_verb_after_name(phrase: str, following: list[str]) -> bool:
    """Whether a capitalised phrase after a cue goes on with a past verb and its object ("said the Council of Rulers
    held a meeting"): the subject of what was said."""
    if not phrase[:1].isupper() and not phrase.startswith("the "):
        return False
    if len(following) < 2 or not (following[0] in _PAST_VERBS or following[0].endswith("ed")):
        return False
    return following[1].split(None, 1)[0].lower() in ("a", "an", "the", "its", "his", "her", "their", "that")


def _is_organisation_phrase(phrase: str, registry: dict) -> bool:
    """Whether a subject phrase names an organisation: a registered one, or one headed by an organisation word
    ("The government", "the Morrison government"), not a person or a place."""
    known = sources.lookup(registry, _LEADING_ARTICLE.sub("", phrase))
    if known is not None:
        return known.kind == "org"
    words = phrase.split()
    if len(words) >= 3 and words[0] in ("The", "the") and _is_cap(words[1]) and words[-1].islower() and \
            sources.role_words().get(_bare(words[-1]).lower(), ("", ""))[1] not in ("role", "weak_role"):
        return True  # "The Labor opposition": a named body with a common head
    return sources.role_words().get(_bare(words[-1]).lower(), ("", ""))[1] == "org"


def _portfolio_after_organisation(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """Whether the token at ``index`` is in the lower-case field after an official organisation word and "of" ("the
    ministry of health and family welfare"): "of" itself, or a word of at most four after it that is no verb,
    preposition or role ("a panel of experts has" stays "panel")."""
    def word(at: int) -> str:
        return _bare(tokens[at][0]) if 0 <= at < len(tokens) else ""
    own, following = word(index), word(index + 1)
    if not (own.isalpha() and own.islower()) or own in _NOT_IN_A_FIELD or own in _cue_lexicon()[0] \
            or _role_word(own) or own.endswith("ed"):
        return False
    if own == "of" and not (following.isalpha() and following.islower() and following not in _DETERMINERS) \
            or own == "and" and not following.islower():
        return False  # the field goes on after "of" or "and"
    for back in range(index, max(-1, index - 5), -1):
        current = word(back)
        if current == "of":
            return sources.role_words().get(word(back - 1).lower()) == ("official", "org")
        if not (current.isalpha() and current.islower()) or current in _DETERMINERS:
            return False
    return False


def _common_noun_before_name(tokens: list[tuple[str, int, int]], index: int) -> bool:
    """Whether the lower-case word at ``index`` is in "<owner>'s <noun> <Name>" ("the center's developer Bao
    Yiming"): a possessive, then one common noun as a title before a capitalised name."""
    def word(at: int) -> str:
        return _bare(tokens[at][0]) if 0 <= at < len(tokens) else ""
    if word(index).endswith("'s"):
        return word(index + 1).isalpha() and word(index + 1).islower() and _is_cap(word(index + 2))
    return word(index - 1).endswith("'s") and word(index - 1).islower() and _is_cap(word(index + 1))


_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _ordinal_in_name(tokens: list, index: int) -> bool:
    """Whether the token at ``index`` is an ordinal inside a name: after a capitalised word or "the", before a
    capitalised word ("the CPC 18th Central Committee", "the 19th National Congress")."""
    if not _ORDINAL.fullmatch(_bare(tokens[index][0])) or index + 1 >= len(tokens) or not index:
        return False
    before, after = _bare(tokens[index - 1][0]), _bare(tokens[index + 1][0])
    return _is_cap(after) and after not in _NOT_NAMES and (_is_cap(before) and not before.endswith("'s")
                                                           or before.lower() == "the")


@lru_cache(maxsize=1 << 16)
def _leading_np(text: str) -> tuple[str, int] | None:
    """The noun phrase that starts ``text`` (after an optional determiner)."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text[:300])]
    if not tokens:
        return None
    index = 0
    if len(tokens) > 2 and (tokens[0][0].lower(), tokens[1][0].lower()) in _COMPARATIVE_QUANTIFIERS and (
            tokens[2][0].lower() in _NUMBER_WORDS | {"one", "a", "an"} or tokens[2][0].replace(",", "").isdigit()):
        index = 3  # "at least one World Health Organization international expert": the quantity opens it
    elif _bare(tokens[0][0]).lower() in _DETERMINERS:
        index = 1
    end = None
    has_name = portfolio = False
    while index < len(tokens):
        raw = tokens[index][0]
        token = _bare(raw)
        if end is not None and text[end:tokens[index][1]].strip() not in ("", "'"):
            break  # (a plural possessive's mark may sit between: "the National Farmers' Federation")
        lower = token.lower()
        if _is_cap(token) and (token not in _NOT_NAMES or len(raw) == 2 and raw[1] == "." or (  # "Mebratu A. Bitew"
                index and _bare(tokens[index - 1][0]) in _HONORIFICS) or (  # "Ms. May": a surname after a title
                token in _TIME_WORDS and index and _names_before_month(_bare(tokens[index - 1][0]))) or
                index and sources.is_registered_name(f"{_bare(tokens[index - 1][0])} {token}") or  # "USA Today"
                index + 1 < len(tokens) and _surname_he(token, _bare(tokens[index + 1][0])) or
                _middle_initial(tokens, index)):
            has_name = True
        elif token in _HONORIFICS:
            pass
        elif token.isdigit() and index and _bare(tokens[index - 1][0]) in _NUMBERED_PARTS:
            pass  # "Article 44 of the Basic Law"
        elif _ordinal_in_name(tokens, index):
            pass  # "the CPC 18th Central Committee", "the 19th National Congress"
        elif lower.endswith("'s") and _is_cap(token):
            has_name = True
        elif _portfolio_after_organisation(tokens, index):
            portfolio = True  # "the ministry of health and family welfare"
        elif lower in _CONNECTORS and index + 1 < len(tokens) and (
                _is_cap(_bare(tokens[index + 1][0])) or _bare(tokens[index + 1][0]).lower() in _DETERMINERS) and \
                _bare(tokens[index + 1][0]).lower() not in _OWNERS and not (  # not "Hu Xijin on his Weibo",
                    lower == "on" and index and not _is_cap(_bare(tokens[index - 1][0]))  # "US officials on China",
                    and not _is_platform([_bare(tokens[index + 1][0])])):  # but "a commenter on Weibo"
            pass
        elif lower == "and" and index + 1 < len(tokens) and _is_cap(_bare(tokens[index + 1][0])) and (
                sources.organisation_word_in(text[:tokens[index][1]][-60:]) or _organisation_after_and(tokens, index)):
            pass
        elif lower == "and" and 0 < index and index + 2 < len(tokens) and tokens[index + 1][0].isalpha() and \
                tokens[index + 1][0].islower() and tokens[index + 1][0] not in _DETERMINERS and \
                not _role_word(_bare(tokens[index - 1][0])) and not sources.organisation_word_in(tokens[index - 1][0]) \
                and sources.organisation_word_in(tokens[index + 2][0]) and \
                not (index + 3 < len(tokens) and _is_cap(_bare(tokens[index + 3][0]))):
            pass  # "China's culture and tourism ministry": two modifiers of one organisation
        elif lower in _DETERMINERS and end is not None and _bare(tokens[index - 1][0]).lower() in _CONNECTORS:
            pass
        elif lower == "and" and 0 < index < len(tokens) - 1 and _coordinated_modifiers(tokens, index):
            pass  # "current and former officials"
        elif _role_word(token) or lower in _ADJECTIVES or lower in _NAME_PARTICLES or token in _HONORIFICS:
            pass
        elif token.removesuffix("'s").replace("-", "").isalpha() and token.islower() and token not in _CLAUSE_WORDS \
                and token not in _VERB_AUXILIARIES \
                and token not in _cue_lexicon()[0] and not (  # "Xi Jinping visited Peking University": a verb
                    token.endswith("ed") and token != "turned"  # ("lawyer turned citizen journalist")
                    and (_is_cap(tokens[index - 1][0]) or _role_word(_bare(tokens[index - 1][0])))
                    and not tokens[index - 1][0].endswith("'s") and tokens[index - 1][0].lower() not in _DETERMINERS) \
                and (any(_role_word(_bare(later[0])) for later in tokens[index + 1:index + 4])
                     or _common_noun_before_name(tokens, index)) \
                and not (index + 1 < len(tokens) and tokens[index + 1][0] in _POSSESSIVE_PRONOUNS):
            pass  # "the country's envoy", "the center's developer Bao Yiming"; not "Trump shook his head"
        elif lower in _PRONOUNS and index == 0:
            end = tokens[index][1] + len(token)
            break
        else:
            break
        end = tokens[index][1] + len(raw.rstrip(",;:!?\"'")) if len(raw) > 3 or not raw.endswith(".") else tokens[index][2]
        if raw.endswith(".") and raw.rstrip(".").lower() not in _ABBREVIATIONS and not (
                len(raw) == 2 and raw[0].isupper() and index + 1 < len(tokens)
                and _is_cap(_bare(tokens[index + 1][0]))):  # an initial: "Mebratu A. Bitew"
            end = tokens[index][1] + len(raw.rstrip("."))
            break
        index += 1
    if end is None:
        return None
    phrase = text[:end].strip()
    while phrase.split() and _bare(phrase.split()[-1]).lower() in _CONNECTORS | _DETERMINERS and \
            not (_bare(phrase.split()[-1]).lower() in _NAME_PARTICLES and _is_cap(phrase.split()[-1])):
        phrase = phrase.rsplit(None, 1)[0] if " " in phrase else ""  # ("Cao Bin": a given name, no particle)
    if not phrase:
        return None
    head = _bare(phrase.split()[-1])
    if not ((_is_cap(head) and head not in _NOT_NAMES) or _role_word(head) or has_name or portfolio):
        return None
    return phrase, len(text) - len(text.lstrip())


@lru_cache(maxsize=1 << 16)
def _split_name(phrase: str) -> tuple[str, str]:
    """(name, title) of a noun phrase (see :func:`_split_title`), with a rank written in full that opens the name
    moved to the title: "Thailand's army chief General Prayuth Chan-ocha" -> ("Prayuth Chan-ocha", ...)."""
    name, title = _split_title(phrase)
    words = name.split()
    if len(words) >= 3 and words[0] in sources.MILITARY_TITLES and not sources.organisation_word_in(name) \
            and name not in sources.shipped_organisation_names() and not _role_word(words[1]):
        return " ".join(words[1:]), f"{title} {words[0]}".strip()
    return name, title


def _split_title(phrase: str) -> tuple[str, str]:
    """(name, title) of a noun phrase: "Chinese Vice President Han Zheng" -> ("Han Zheng", "Chinese Vice President").

    A phrase with no name after its last title or organisation word is all name
    when it holds a capitalised organisation name, and all title (name "") when
    it is a role phrase such as "the spokesperson".
    """
    tokens = phrase.split()
    while tokens and tokens[0].lower() in _DETERMINERS:
        tokens = tokens[1:]
    acronym = ""
    if tokens and tokens[-1].startswith("(") and tokens[-1].endswith(")"):
        acronym = tokens[-1][1:-1]
        tokens = tokens[:-1]
    if not tokens:
        return acronym, ""
    if " ".join(tokens) in sources.shipped_organisation_names():
        return " ".join(tokens), ""  # a registered organisation that opens with a title word: "Radio Free Asia"
    if tokens[-1].endswith("'s") and len(tokens[-1]) > 2:  # "US President Joe Biden's (administration)"
        tokens = tokens[:-1] + [tokens[-1][:-2]]
    named = next((index for index, token in enumerate(tokens[:-1]) if token in ("surnamed", "named")
                  and _is_cap(tokens[index + 1])), None)
    if named is not None:  # "A housewife surnamed Chan from the western suburbs of Hong Kong Island": Chan
        end = named + 2 + (named + 2 < len(tokens) and _is_cap(tokens[named + 2]))
        return " ".join(tokens[named + 1:end]), " ".join(tokens[:named] + tokens[end:])
    body = next((index for index, token in enumerate(tokens[:-2]) if index and token in ("of", "for")
                 and _role_word(tokens[index - 1]) and all(_is_cap(t) for t in tokens[:index])), None)
    if body is not None:  # "Secretary for Food and Health Sophia Chan Siu-chee", "Minister of Foreign Affairs Wang Yi"
        tail = _name_after_body(tokens[body + 1:])
        if tail:
            return " ".join(tokens[-tail:]), " ".join(tokens[:-tail])
    run_start = len(tokens)
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if _is_cap(token) or (token.lower() in _CONNECTORS and index + 1 == run_start) or \
                token.lower() in _NAME_PARTICLES or \
                index + 1 == run_start and _ORDINAL.fullmatch(token) and index and _is_cap(tokens[index - 1]):
            run_start = index
        elif token == "and" and index + 1 == run_start and index and _is_cap(tokens[index - 1]) and (
                sources.organisation_word_in(" ".join(tokens[:index]))
                or sources.organisation_word_in(" ".join(tokens[run_start:run_start + 4]))):
            run_start = index  # "Ministry of Industry and Information Technology", "Development and Reform Commission"
        else:
            break
    while run_start < len(tokens) and tokens[run_start].lower() in _CONNECTORS - _NAME_PARTICLES:
        run_start += 1
    for size in (2, 3):  # "Chuang Shuk-kwan from the city's Centre for Health Protection": the person opens it
        if len(tokens) > size + 1 and tokens[size].lower() in ("of", "from", "at", "with") and \
                all(_is_cap(token) and not _title_word(token) for token in tokens[:size]) and \
                sources.organisation_word_in(" ".join(tokens[size + 1:])):
            return " ".join(tokens[:size]), " ".join(tokens[size:])
    while len(tokens) - run_start > 3 and _role_word(tokens[run_start]) and tokens[run_start + 1].lower() in _LINKS \
            and not (run_start == 0 and sources.role_words().get(tokens[0].lower(), ("", ""))[1] == "org"):
        # (not a name that opens with its organisation word: "Ministry of Agriculture and Rural Affairs")
        run_start += 3 if tokens[run_start + 2].lower() == "the" else 2
    run = tokens[run_start:]
    if not run:
        return "", " ".join(tokens)
    before = tokens[:run_start]
    if before and before[-1].lower() == "the":
        before = before[:-1]
    if len(before) >= 3 and before[-1].lower() in ("with", "of", "at", "from") and all(
            _is_cap(token) and not _role_word(token) for token in before[-3:-1]):
        return " ".join(before[-3:-1]), " ".join(before[:-3] + tokens[len(before):])
    link = run_start - 2 if run_start >= 3 and tokens[run_start - 1].lower() == "the" and \
        tokens[run_start - 2].lower() == "to" else run_start - 1  # "ambassador to the United States"
    if link >= 1 and tokens[link].lower() in _LINKS | {"on", "to"} and _role_word(tokens[link - 1]):
        tail = _personal_tail(run) or _name_after_role(run) or _name_after_place(run)  # "Secretary of State Mike
        # Pompeo", "Ambassador to China Teshome Toga Chanaka", "Department of
        # Politics and Public Administration Associate Professor Yan Xiaojun": a name after the body of the role
        return (" ".join(run[-tail:]), " ".join(tokens[:len(tokens) - tail])) if tail else ("", " ".join(tokens))
    if len(before) >= 2 and before[-1].lower() in _LINKS and before[0][:1].islower() and \
            any(_role_word(token) for token in before[:-1]):  # "the head of the WHO": a role of an organisation
        return "", " ".join(tokens)
    honorific = 1 if run and (run[0] in _HONORIFICS or len(run) > 3 and _role_word(run[0]) and _is_cap(run[1])
                              and not _role_word(run[1])) else 0  # "Professor Jane Miller of Oxford University"
    link = next((i for i, token in enumerate(run) if token.lower() in ("at", "of", "with", "from", "on") and (
        i >= 2 + honorific or i == 1 + honorific and _surname_like(run[honorific])
        and sources.organisation_word_in(" ".join(run[i + 1:])))), None)
    if link is not None and run[link] == "on" and not sources.organisation_word_in(" ".join(run[link + 1:])) \
            and not _is_platform(run[link + 1:]):
        link = None  # "on" only before a body or a platform: "Zhao Lijian on Twitter"
    if link is not None and link <= 3 + honorific and not any(
            _role_word(token) or token in _HONORIFICS or sources.organisation_word_in(token)
            for token in run[honorific:link]):
        return " ".join(run[honorific:link]), " ".join(tokens[:run_start] + run[:honorific] + run[link:])
    title_at = -1
    for index, token in enumerate(run):
        word = _bare(token).lower()
        if word.endswith("'s"):
            title_at = index
        elif word in sources.role_words() or token in _HONORIFICS or index and \
                f"{_bare(run[index - 1]).lower()} {word}" in sources.role_words():  # "Director General"
            title_at = index
    after = run[title_at + 1:]
    prefix = " ".join(tokens[:run_start])
    place = next((size for size in (3, 2, 1) if len(run) >= size + 2
                  and " ".join(run[:size]).removesuffix("'s") in sources.nationality_words()
                  and (size == 1 or _looks_personal(run[size:]))), 0) if title_at < 0 else 0
    while place and len(run) >= place + 3 and run[place] in sources.nationality_words() \
            and _looks_personal(run[place + 1:]):
        place += 1  # "Chinese American Margaret Chin": two nationality words before the name
    if place and not sources.organisation_word_in(" ".join(run[place:])) and all(_is_cap(t) for t in run[place:]):
        # "Chinese Ambassador to the United Kingdom Liu Xiaoming": the place ends the title
        return " ".join(run[place:]), " ".join(tokens[:run_start + place])
    tail = _personal_tail(run) if title_at < 0 else 0
    if tail:  # "UN Liu Jieyi", "Comrade Xi Jinping": the person ends the run
        return " ".join(run[-tail:]), " ".join(tokens[:len(tokens) - tail])
    if title_at < 0:
        return " ".join(run), prefix
    if after and _is_cap(after[0]) and (after[0].lower() not in _CONNECTORS or sources.looks_chinese_name(
            " ".join(after))):  # "Vice-Foreign Minister Le Yucheng"
        return " ".join(after), " ".join(tokens[:run_start] + run[:title_at + 1])
    if len(after) >= 3 and _is_cap(run[-1]) and _is_cap(run[-2]) and (
            run[-2] in sources.first_name_genders() or sources.looks_chinese_name(" ".join(run[-2:]))) \
            and " ".join(run[-2:]) not in sources.nationality_words() and run[-3].lower() not in _LINKS:
        return " ".join(run[-2:]), " ".join(tokens[:run_start] + run[:-2])  # (but not "... Association of Hong Kong")
    if not after and sources.role_words().get(_bare(run[-1]).lower(), ("", ""))[1] in ("role", "weak_role"):
        return "", " ".join(tokens)
    return " ".join(run), prefix


def _personal_tail(run: list[str]) -> int:
    """How many words at the end of a capitalised run make a person's name after words that are not part of it
    ("UN Liu Jieyi", "Comrade Xi Jinping"): 2 or 3, or 0. Every word before must be a title word (an acronym, a
    place, a role or organisation word), so "Mary Ann Smith" and "Carrie Lam Cheng Yuet-ngor"
    stay whole."""
    for size in (2, 3):
        if len(run) <= size or not _looks_personal(run[-size:]) or not all(
                _title_word(word) for word in run[:-size]):
            continue  # "Carrie Lam Cheng Yuet-ngor", "Mary Ann Smith", "Mehmood Ul Hassan Khan": one name
        if not all(_is_cap(word) for word in run[-size:]) or sources.organisation_word_in(" ".join(run[-size:])):
            continue
        return size
    return 0


def _organisation_after_and(tokens: list, index: int) -> bool:
    """Whether the capitalised words after the "and" at ``index`` end in an organisation word within four words
    ("... Development and Reform Commission"): the "and" is inside one name."""
    for token in tokens[index + 1:index + 5]:
        word = _bare(token[0])
        if not _is_cap(word):
            return False
        if sources.role_words().get(word.lower(), ("", ""))[1] == "org":
            return True
    return False


def _is_saying_noun(left: str) -> bool:
    """Whether "saying" after ``left`` is the noun ("a Chinese saying", "an old saying"), not the participle."""
    found = _SAYING_NOUN.search(left)
    return found is not None and all(word in sources.nationality_words() or word.lower() in _SAYING_ADJECTIVES
                                     for word in found.group(1).split())


_SAYING_NOUN = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]his|[Tt]hat|[Oo]ne)\s+((?:[\w\-]+\s+){0,2})$")
_SAYING_ADJECTIVES = {"old", "popular", "famous", "common", "ancient", "well-known", "traditional", "wise", "true"}


# a document introduced in an opening phrase, before the sentence's subject: "(But) in a written submission, ..."
_OPENING_IN = re.compile(r"\s*(?:(?:[Bb]ut|[Aa]nd|[Yy]et)\s+)?[Ii]n\s*")
# a sentence that opens in a document already named: "In the report, ...", "In its statement, ..."
_IN_THE_DOCUMENT = re.compile(rf"\s*(?:(?:[Bb]ut|[Aa]nd|[Yy]et)\s+)?[Ii]n\s+((?:the|its|their|this)\s+"
                              rf"(?:[a-z][\w\-]*\s+){{0,2}}?(?:{_DOCUMENT_NOUNS})),\s")


@lru_cache(maxsize=None)
def _document_introduction(noun: str, capitalised: bool = False) -> re.Pattern:
    """Where a document is introduced: "a notice", "its report" (and, ``capitalised``, "An editorial" opening a
    sentence)."""
    determiners = r"[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er" if capitalised else r"a|an|its|their|his|her"
    return re.compile(rf"\b(?:{determiners})\s+(?:[\w\-]+\s+)?{noun}\b")


_NAME_RUN_TEXT = r"[A-Z][\w'\-&]*(?:\s+(?:(?:of|for|on)\s+)?(?:the\s+)?[A-Z][\w'\-&]*){0,5}"
# what may follow an author's name: not a common noun it modifies ("UK advertising giant WPP", "Western governments")
_AFTER_AUTHOR = re.compile(r"(?:\s*[,.;:)\x01]|\s*$|\s+(?:in|on|at|of|for|to|that|which|who|and|was|is|were|are|has|"
                           r"have|had|with|from|last|this|said|says|found|shows|showed|released|published)\b)")
# who wrote a document introduced without a cue: "Dixon Hall released preliminary findings", "a study by Civic Action"
_AUTHOR_BEFORE_DOCUMENT = re.compile(rf"(?:^|(?<=[\s(]))(?:[Tt]he\s+)?({_NAME_RUN_TEXT})\s+(?:has\s+|have\s+|had\s+)?"
                                     r"(?:released|published|issued|unveiled|produced|compiled|conducted|commissioned|"
                                     r"prepared|put\s+out|posted|sent)\s+$")
_AUTHOR_AFTER_DOCUMENT = re.compile(rf"(?:\s+[a-z][\w\-]*){{0,3}}?\s+(?:by|from)\s+(?:the\s+)?({_NAME_RUN_TEXT})")


def _document_author(text: str, found: re.Match) -> tuple[str, int] | None:
    """(name, position) of who issued the document introduced at ``found``, when the sentence says so: "<Name>
    released a study", "a study (published) by <Name>"; None otherwise."""
    after = _AUTHOR_AFTER_DOCUMENT.match(text, found.end())
    if after:
        return (after.group(1), after.start(1)) if _AFTER_AUTHOR.match(text, after.end(1)) else None
    before = _AUTHOR_BEFORE_DOCUMENT.search(text, max(0, found.start() - 120), found.start())
    if before and before.group(1).split()[0] not in _NOT_NAMES:
        return before.group(1), before.start(1)
    return None


# one of several documents introduced together: "one of the articles", "another article", "the second report"
_SIBLING_DOCUMENT = re.compile(rf"^(?:[Oo]ne\s+of\s+(?:the|its|their)\s+({_DOCUMENT_NOUNS})s|[Aa]nother\s+"
                               rf"({_DOCUMENT_NOUNS})|[Tt]he\s+(?:first|second|third|other|latter)\s+({_DOCUMENT_NOUNS}))$")


# "read" reports a statement only when a document reads: '"...," read one of the articles', '..., the letter reads.'
_DOCUMENT_READS_AFTER = re.compile(rf"\s+(?:(?:the|a|an|its|their|another)\s+(?:[\w\-]+\s+){{0,2}}|one\s+of\s+(?:the|its|"
                                   rf"their)\s+)(?:{_DOCUMENT_NOUNS})s?\b")
_DOCUMENT_READS_BEFORE = re.compile(rf"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:[\w\-']+\s+){{0,2}}"
                                    rf"(?:{_DOCUMENT_NOUNS})|"
                                    rf"(?:^|[\s\x01,])[Ii]t)\s+$")


def _reads_a_document(masked: str, match: re.Match) -> bool:
    """Whether a "read"/"reads" cue has a document for its subject (not "Lunchtime read:", "He read the news")."""
    return bool(_DOCUMENT_READS_AFTER.match(masked, match.end()) or
                _DOCUMENT_READS_BEFORE.search(masked, max(0, match.start() - 60), match.start()))


_DATA_NOUNS = r"(?i:data|figures|statistics|numbers|results|records|estimates|projections)"
# "data from the Robert Koch Institute showed", "the agency's figures show": data that show what their source says
_DATA_FROM_BEFORE = re.compile(r"\b(?i:data|figures|statistics|numbers|results|records|estimates|projections)\s+"
                               r"(?:(?:released|published|compiled|collected|issued)\s+)?(?:from|by|of)\s+"
                               r"(?:the\s+)?[A-Z][^,;.\x01]{1,80}?\s+(?:has\s+|have\s+)?$|"
                               r"[A-Z][\w\-]*'s?\s+(?:[a-z\-]+\s+)?(?:data|figures|statistics|numbers|estimates)\s+$")


# a study's findings show what its authors found: "the poll shows", "The survey also showed"
_FINDINGS_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+(?:[\w\-]+\s+){0,3}?"
                              r"(?:poll|survey|study|report|research|analysis|census|audit)\s+(?:also\s+|has\s+|have\s+)?$")


def _data_shows(masked: str, match: re.Match) -> bool:
    """Whether a "show(s/ed)" cue has data of a named source or a study for its subject (not "Statistics show",
    "History has shown", "the video showed")."""
    return bool(_DATA_FROM_BEFORE.search(masked, max(0, match.start() - 120), match.start()) or
                _FINDINGS_BEFORE.search(masked, max(0, match.start() - 60), match.start()) or
                _data_source(masked[max(0, match.start() - 120):match.start()].rstrip()))


_DATA_FROM_BODY = re.compile(rf"\b{_DATA_NOUNS}\s+(?:(?:released|published|compiled|collected|issued)\s+)?"
                             r"(?:from|by)\s+((?:the\s+)?[^,;.\x01]{1,80}?)(?:\s+(?:has|have))?$")
_DATA_BEFORE = re.compile(rf"((?:[\w\-']+\s+){{1,4}}){_DATA_NOUNS}(?:\s+(?:has|have))?$")


# words that qualify data rather than name their source: "the latest company statistics", "official data"
_DATA_QUALIFIERS = frozenset({"latest", "new", "recent", "official", "preliminary", "provisional", "final", "fresh",
                              "monthly", "quarterly", "annual", "weekly", "daily", "company", "trade", "economic"})


def _data_source(text: str) -> tuple[str, int, str] | None:
    """The source of the data ending ``text``, its offset and the data phrase, when the data name a body or a
    place as theirs: "figures from the health ministry", "health ministry figures", "the bureau's data",
    "China's customs data" (not "Official data", "Statistics")."""
    found = _DATA_FROM_BODY.search(text)
    if found:
        body = found.group(1)
        if _is_cap(body.removeprefix("the ")) or sources.organisation_word_in(body):
            return body, found.start(1), text[found.start():].strip()
        return None
    found = _DATA_BEFORE.search(text)
    if found is None:
        return None
    words = found.group(1).split()
    cut = max((index + 1 for index, word in enumerate(words) if word.lower() in _DATA_QUALIFIERS
               or word.lower() in _cue_lexicon()[0] or word.lower() in _CLAUSE_WORDS or word.lower() in _PREPOSITIONS),
              default=0)
    words = words[cut:]  # "Hua said Chinese customs (figures)", "The latest company (statistics)"
    if not words:
        return None
    owner = next((index for index, word in enumerate(words) if word.endswith(("'s", "s'"))), None)
    if owner is not None:  # "the bureau's data", "China's customs data"
        words = words[:owner + 1]
        words[-1] = words[-1][:-2] if words[-1].endswith("'s") else words[-1][:-1]
    elif not sources.organisation_word_in(words[-1]):  # "health ministry figures"
        return None
    while words and words[0].lower() != "the" and (words[0].lower() in _DETERMINERS or words[0].islower()
                                                    and not sources.organisation_word_in(" ".join(words))):
        words = words[1:]
    phrase = " ".join(words)
    if not phrase or words[0] in _TIME_WORDS or words[0].lower() in ("today", "yesterday", "tomorrow") or not (
            _is_cap(phrase.removeprefix("the ")) or sources.organisation_word_in(phrase)):
        return None  # (not "Saturday's data")
    offset = found.start(1) + found.group(1).find(phrase)
    return phrase, offset, text[found.start(1) + found.group(1).find(words[0]):].strip()


_DATA_BY = re.compile(rf"^(?:[Tt]he\s+)?(?:[a-z\-]+\s+){{0,2}}{_DATA_NOUNS}\s+(?:(?:released|published|compiled)\s+)?"
                      r"(?:from|by|of)\s+")
_DATA_OWNER = re.compile(rf"^([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){{0,4}})'s?\s+(?:[a-z\-]+\s+)?{_DATA_NOUNS}$")
# forms kept only with the subject they report for: a document reads, data show
_SUBJECT_BOUND_FORMS = {"read": _reads_a_document, "reads": _reads_a_document, "show": _data_shows,
                        "shows": _data_shows, "showed": _data_shows, "shown": _data_shows}


def _bound_cues(masked: str, cues: list[_CueMatch]) -> list[_CueMatch]:
    """``cues`` without the subject-bound forms whose subject is not theirs (see :data:`_SUBJECT_BOUND_FORMS`)."""
    if not any(match.group(0).lower() in _SUBJECT_BOUND_FORMS for match in cues):
        return cues
    return [match for match in cues if match.group(0).lower() not in _SUBJECT_BOUND_FORMS
            or _SUBJECT_BOUND_FORMS[match.group(0).lower()](masked, match)]


@lru_cache(maxsize=64)
def _several_documents(noun: str) -> re.Pattern:
    """Where several documents are introduced at once: "dedicated two articles to", "a series of reports"."""
    return re.compile(rf"\b(?:two|three|four|five|several|a\s+series\s+of|a\s+pair\s+of|a\s+number\s+of)\s+"
                      rf"(?:[\w\-]+\s+)?{noun}s\b")


def _names_before_month(word: str) -> bool:
    """Whether a month or day name after ``word`` is part of a person's name: after a first name ("Theresa May")
    or a Chinese surname ("Tan Jun", "Li Jun")."""
    return word in sources.first_name_genders() or word in sources.chinese_surnames()


def _surname_like(word: str) -> bool:
    """A lone word that can be a person's short name: a known surname or first name ("Chin of York University")."""
    return word in sources.chinese_surnames() or word in sources.romanised_surnames() \
        or word in sources.first_name_genders()


def _is_platform(words: list[str]) -> bool:
    """A social-media platform or website named after "on" ("on Twitter", "on his Weibo account")."""
    return bool(words) and _bare(words[0]).lower() in _PLATFORMS


_PLATFORMS = {"twitter", "weibo", "facebook", "wechat", "youtube", "instagram", "tiktok", "linkedin", "x", "douyin"}


def _name_after_place(run: list[str]) -> int:
    """How many words after a place that opens the run make a name ("China Teshome Toga Chanaka"), or 0."""
    size = next((size for size in (3, 2, 1) if len(run) >= size + 2
                 and " ".join(run[:size]) in sources.nationality_words()), 0)
    rest = run[size:]
    return len(rest) if size and 2 <= len(rest) <= 3 and all(_is_cap(word) and not _title_word(word)
                                                            for word in rest) else 0


def _name_after_body(words: list[str]) -> int:
    """How many words ending the name of a body after "<role> of/for" make a person's name ("Food and Health
    Sophia Chan Siu-chee", "Foreign Affairs Wang Yi"): the longest ending of two to four capitalised words that
    opens on a known first name or reads as a Chinese name, with a body word before it; or 0."""
    for size in (4, 3, 2):
        name = words[-size:]
        if len(words) <= size or not all(_is_cap(word) and not _title_word(word) for word in name):
            continue
        joined = " ".join(name)
        if words[-size - 1].lower() in _LINKS or joined in sources.nationality_words():
            continue  # "Progress of Hong Kong": a place ends the body's name
        if name[0] in sources.first_name_genders() or size < 4 and _surname_like(name[0]) and (
                sources.looks_chinese_name(joined) or sources.looks_romanised_chinese_name(joined)):
            return size  # ("Sociology Lau Siu-kai" is "Lau Siu-kai")
    return 0


def _name_after_role(run: list[str]) -> int:
    """How many words after the run's last role word make a person's name ("... Associate Professor Yan
    Xiaojun"), or 0."""
    last = max((index for index, word in enumerate(run) if _role_word(_bare(word)) or word in _HONORIFICS), default=-1)
    after = run[last + 1:]
    return len(after) if last >= 0 and 2 <= len(after) <= 3 and all(_is_cap(word) for word in after) \
        and _looks_personal(after) else 0


def _title_word(word: str) -> bool:
    """A capitalised word that is no part of a person's name: an acronym ("UN", "NHC"), a place or nationality, a
    role or organisation word, an honorific."""
    bare = _bare(word).removesuffix("'s")
    return (len(bare) >= 2 and bare.isupper()) or bare in sources.nationality_words() or _role_word(bare) \
        or sources.organisation_word_in(bare) or bare in _HONORIFICS \
        or bare.endswith(("-based", "-born"))  # "Toronto-based Sara Angelucci"


def _looks_personal(words: list[str]) -> bool:
    """Whether two or three capitalised words read as a person's name: a known first name, or a Chinese name."""
    name = " ".join(words)
    return len(words) <= 3 and (words[0] in sources.first_name_genders() or sources.looks_chinese_name(name)
                                or sources.looks_romanised_chinese_name(name))


def _is_opener(word: str) -> bool:
    """A capitalised word that opens a sentence and names no one: an adverb ("Perhaps", "Afterwards") or an
    auxiliary opening a question ("Were", "Did")."""
    return word in _NOT_NAMES or word.lower() in _FINITE_AUXILIARIES or word.lower() in _MODALS \
        or word.lower().endswith(("ly", "wards", "haps"))


def _name_runs(text: str, end: int | None = None) -> list[re.Match]:
    """The runs of :data:`_NAME_RUN` in ``text`` (up to ``end``), with an organisation whose field has "and" as one
    run ("The Ministry of Agriculture and Rural Affairs"), unless its first part is a place ("Bank of China and
    HSBC") or a part holds a role or organisation word ("Bureau of the CPC Central Committee and Vice Premier")."""
    limit = len(text) if end is None else end
    runs = list(_NAME_RUN.finditer(text, 0, limit))
    if " and " not in text:
        return runs
    joined = [found for found in _ORG_FIELD_AND.finditer(text, 0, limit)
              if found.group("first") not in sources.nationality_words()
              and not any(_role_word(word) for word in (found.group("first") + " " + found.group("second")).split())]
    if not joined:
        return runs
    kept = [run for run in runs if not any(found.start() <= run.start() < found.end() for found in joined)]
    return sorted(kept + joined, key=lambda run: run.start())


_OBJECT_PRONOUN = re.compile(r"\s*(him|her|them)\b(?!\s+[a-z])", re.IGNORECASE)  # "according to him," not "her team"
_SUBJECT_FORM = {"him": "he", "her": "she", "them": "they"}
# a definite role phrase of one unnamed person: "The foreign secretary", "the minister"
_ROLE_SUBJECT = re.compile(r"[Tt]he\s+(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*")
_OPENING_PHRASE = re.compile(r"(?:^|[.!?]\s+|\x01\s*)(?:In|At|During|After|Before|On|With|Speaking|Writing|Interviewed|"
                             r"Asked|Talking)\s[^,.;:!?\x01]*$")


def _in_opening_phrase(text: str, start: int) -> bool:
    """Whether a name at ``start`` sits in the adverbial phrase that opens its sentence ("In an interview with the
    BBC's Laura Kuenssberg, the chancellor admitted"): the role after its comma is the subject, not the name's."""
    return _OPENING_PHRASE.search(text, max(0, start - 160), start) is not None


def _place_words(tokens: list[str]) -> str:
    """The place that opens ``tokens``, without connectors after it ("Beijing on" of "in Beijing on Wednesday")."""
    while tokens and tokens[-1] in _CONNECTORS | {"on", "at", "in"}:
        tokens = tokens[:-1]
    return " ".join(tokens)


@lru_cache(maxsize=1 << 16)
def _run_name(run: str) -> tuple[str, str, str] | None:
    """(name, title, lone) of a run of capitalised words found by :data:`_NAME_RUN`, or None when it names no
    one; ``lone`` is the run's only word, which must then be a registry name or a place (checked by the caller)."""
    tokens = run.split()
    while tokens and tokens[0] in _NOT_NAMES and not (len(tokens) > 1 and _surname_he(tokens[0], tokens[1])):
        tokens = tokens[1:]
    if len(tokens) == 2 and tokens[0].endswith("ing") and tokens[1].endswith("'s") and \
            tokens[0] not in sources.first_name_genders():
        tokens = tokens[1:]  # a gerund before a possessive: "Powering Ling's quest"
    cut = next((i for i, token in enumerate(tokens) if i and token in _TIME_WORDS  # not "Theresa May", "Tan Jun"
                and not _names_before_month(tokens[i - 1])), len(tokens))
    split = next((i for i, token in enumerate(tokens[:cut]) if i and token == "the" and tokens[i - 1].lower()
                  not in _LINKS | {"on", "to", "and", "of"}), None)  # "told Fox News the Wuhan virus lab": two names
    if split is not None and split == 1 and _is_opener(tokens[0]):
        tokens, cut = tokens[2:], cut - 2  # "Perhaps the ABC's Stan Grant", "Were the CE's comments": the second
    elif split is not None:
        cut = split
    if tokens and tokens[0] in sources.first_name_genders():  # "Morgan McNeely in Edmonton": the person only
        cut = next((i for i, token in enumerate(tokens[:cut]) if i >= 2 and token in ("in", "at", "on")), cut)
    else:  # "Japanese Foreign Minister Takeshi Iwaya in Beijing": a titled person, then a place
        cut = next((i for i, token in enumerate(tokens[:cut]) if i >= 3 and token in ("in", "at")
                    and _place_words(tokens[i + 1:cut]) in sources.nationality_words()
                    and _split_name(" ".join(tokens[:i]))[1]
                    and not sources.organisation_word_in(" ".join(tokens[:i]))),
                   cut)
    tokens = tokens[:cut]
    while tokens and tokens[-1] in _CONNECTORS:
        tokens = tokens[:-1]
    if not tokens:
        return None
    lone = tokens[0] if len(tokens) == 1 else ""
    name, title = _split_name(" ".join(tokens))
    if not name or len(name.split()) > 6 or (name.split()[0] in _NOT_NAMES and not sources.looks_chinese_name(name)):
        return ("", "", lone) if lone else None
    return name, title, lone


# ---------------------------------------------------------------- article state


class _Article:
    """Entities of one article and the speakers seen so far, for resolution."""

    def __init__(self, registry: dict[str, sources.KnownSource], home: str | None = None):
        self.registry = registry
        self.home = home  # the origin of the outlet, when known
        self.entities: list[Entity] = []
        self.by_key: dict[str, Entity] = {}
        self.last_speakers: list[tuple[tuple[int, int], Entity]] = []
        self.texts: dict[int, str] = {}
        self.order: list[int] = []
        self.index_of: dict[int, int] = {}
        self.registered: set[int] = set()
        self.registering = False
        self.named: dict[str, Entity] = {}
        self._name_words: list[frozenset[str]] = []
        self.joints: dict[tuple[int, ...], Entity] = {}
        self.searched: set[str] = set()  # lone words already looked up in the earlier paragraphs
        self.documents: dict[str, Entity] = {}  # document noun -> the source it stands for, latest first
        self.countries: dict[int, dict[str, int]] = {}  # paragraph -> places named up to it, by origin

    def add_text(self, number: int, masked: str) -> None:
        """Keep a paragraph's text (quotes masked) for lazy name registration."""
        self.texts[number] = masked
        self.index_of.setdefault(number, len(self.order))
        self.order.append(number)

    def register_paragraph(self, number: int) -> None:
        """Register the named people and organisations of one paragraph, with their titles."""
        if number in self.registered or number not in self.texts:
            return
        self.registered.add(number)
        self.registering = True
        try:
            for run in _name_runs(self.texts[number]):
                self._register_run(run, self.texts[number], number)
        finally:
            self.registering = False

    def _register_run(self, run: re.Match, text: str, number: int) -> None:
        surface = run.group(0)
        found = _run_name(surface)
        if found is None:
            return
        start, end = run.span()
        name, title, lone = found
        words = name.split()
        if len(words) == 2 and not title and _surname_like(words[1]) and self._common_opener(words[0], text, start):
            return  # "Examples Chu cited ...": a common word opening the sentence, then a short name
        if lone and not sources.lookup(self.registry, lone) and lone not in sources.nationality_words():
            if not self._register_surname(lone, run, text, number):
                honorific = surface.split()[0]
                word = lone.removesuffix("'s").removesuffix("'")
                if honorific in _HONORIFICS and word.isalpha() and word[:1].isupper() and word not in _NOT_NAMES:
                    if word not in self.searched:
                        self.searched.add(word)
                        self.register_mentions(word, (number, start))  # a fuller name further back ("Guo Wengui")
                        self.registering = True
                    # "Mr. Bannon's": a titled surname is a person even before a name or description is found
                    entity = self.entity_for_name(f"{honorific} {word}", "", (number, start), "")
                    if not surface.endswith(("'s", "'")) and _is_subject_position(
                            text[max(0, start - 120):start], text[end:end + 30]):
                        entity.mark_subject((number, start))
                else:
                    self._register_single_name(lone, run, text, number)
            return
        if not name:
            return
        prefix = []
        for word in reversed(text[max(0, start - 60):start].split()[-4:]):
            if (_role_word(word) or word.lower() in _ADJECTIVES or _is_cap(word)) and word[-1] not in ",.;:":
                prefix.insert(0, word)
            else:
                break
        title = " ".join(prefix + ([title] if title else [])) if name not in sources.nationality_words() else ""
        entity = self.entity_for_name(name, title, (number, start), "")  # a place has no title ("Volkswagen's China")
        if entity.kind == "person" and surface.split(None, 1)[0] in _CLASSIFYING_HONORIFICS:
            entity.add_alias(f"{surface.split(None, 1)[0]} {name}")  # "Prof Edward Holmes, of ...": an expert
        appositive = _APPOSITIVE_AFTER.match(text, end) if entity.kind == "person" and \
            text[end:end + 4].lstrip().startswith(",") else None
        if appositive and text[appositive.end(1):appositive.end(1) + 1] != "," and (
                _in_opening_phrase(text, start) or _DESCRIPTION_OVERRUN.search(appositive.group(1))):
            appositive = None  # "In an interview with the BBC's Laura Kuenssberg, the chancellor admitted", "... in
            # accordance with the Foreign Trade Law, the ministry said": the subject of the verb, not a description
            # of the name (but "During the meeting with Peter O'Neill, prime minister of ..., Xi said" describes it)
        if appositive and _is_descriptor(appositive.group(1)):
            entity.add_descriptor(appositive.group(1))
        elif entity.kind == "person":
            for description in _descriptions_around(text, start, end):
                entity.add_descriptor(description)
        acronym = _ACRONYM.search(surface) if surface.endswith(")") else None
        if acronym:
            entity.add_alias(acronym.group(1))
            self.by_key.setdefault(self._key(acronym.group(1)), entity)
        prefix_start = start - len(" ".join(prefix)) - 1 if prefix else start
        if entity.kind == "person" and not prefix and not surface.endswith(("'s", "'")) and \
                _PLACE_PREPOSITION.search(text, max(0, start - 12), start):
            entity.place_evidence = True
        led = surface.split()[0] in _LEADING_PREPOSITIONS  # "On Christmas Day, he plans": no subject, no "he"
        if entity.kind == "person" and not entity.gender and "'" not in surface and not led:
            entity.gender = _gender_after(text, end)
        if not surface.endswith(("'s", "'")) and not led and _is_subject_position(
                text[max(0, prefix_start - 120):max(0, prefix_start)], text[end:end + 30]):
            entity.mark_subject((number, start))

    def _common_opener(self, word: str, text: str, start: int) -> bool:
        """Whether ``word`` opens its sentence at ``start`` and is a common word the article also writes in lower
        case ("Examples" of "Examples Chu cited include"), not a first name or a known name."""
        if text[max(0, start - 3):start].strip(" \"'\x01(") not in ("", ".", "!", "?") or \
                _surname_like(word) or sources.lookup(self.registry, word) or _title_word(word):
            return False  # ("He Peng": the surname He)
        pattern = re.compile(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])")
        return any(pattern.search(other) for other in self.texts.values() if word.lower() in other)

    def _register_surname(self, word: str, run: re.Match, text: str, number: int) -> bool:
        """A lone capitalised word that is the short form of a person already named ("Easley offered ...")
        counts as a mention of that person, for pronoun salience."""
        word = word.removesuffix("'s").removesuffix("'")
        if word in _NOT_NAMES or word in _TIME_WORDS or not word[:1].isupper() or len(word) < 3:
            return False
        if len(self._name_words) != len(self.entities):  # refreshed as entities are added
            self._name_words = [frozenset(_words_of(e.name)) for e in self.entities]
        if not any(word in words for words in self._name_words):
            if word in self.searched or word.endswith("s") or word.isupper() or not _is_subject_position(
                    text[max(0, run.start() - 120):run.start()], text[run.end():run.end() + 30]):
                return False
            self.searched.add(word)  # each word is looked up once per article
            count = len(self.entities)
            self.register_mentions(word, (number, run.start()))  # "Patterson was working": the full name is
            self.registering = True                               # further back than the registered window
            if len(self.entities) == count:
                return False
            self._name_words = [frozenset(_words_of(e.name)) for e in self.entities]
            if not any(word in words for words in self._name_words):
                return False
        entity = self._short_form(word)
        if entity is None or entity.kind != "person":
            return False
        where = (number, run.start())
        entity.last_seen = max(entity.last_seen, where)
        entity.seen.append(where)
        if not run.group(0).endswith("'s") and _is_subject_position(text[max(0, run.start() - 120):run.start()],
                                                                      text[run.end():run.end() + 30]):
            entity.mark_subject(where)
        return True

    def _register_single_name(self, word: str, run: re.Match, text: str, number: int) -> None:
        """A one-word name that an appositive describes as a person ("Yuni, a resident of Lampung")."""
        if word in _NOT_NAMES or word in _TIME_WORDS or not word.isalpha() or not word[0].isupper() \
                or word.isupper() or not text[run.end():run.end() + 3].startswith(", "):
            return
        appositive = _APPOSITIVE_AFTER.match(text, run.end())
        words = appositive.group(1).split() if appositive else []
        if not words or words[0] not in ("a", "an", "the") or not any(
                sources.role_words().get(_bare(w).lower(), ("", ""))[1] == "role" for w in words[1:4]):
            return
        entity = self.entity_for_name(word, "", (number, run.start()), "")
        entity.person_evidence = True
        entity.add_descriptor(appositive.group(1))
        if _is_subject_position(text[max(0, run.start() - 120):run.start()], text[run.end():run.end() + 30]):
            entity.mark_subject((number, run.start()))

    def register_mentions(self, name: str, where: tuple[int, int]) -> None:
        """Register the earlier mentions of ``name`` in this article (its full form and titles)."""
        self.registering = True
        try:
            for number in self.order:
                if number > where[0]:
                    break
                text = self.texts[number]
                if number in self.registered:
                    continue
                found = text.find(name)
                limit = where[1] - 1 if number == where[0] else len(text)
                while 0 <= found < limit:
                    start = text.rfind(" ", 0, max(0, found - 120)) + 1
                    window = text[start:found + len(name) + 400]
                    for run in _name_runs(window, found - start + len(name) + 40):
                        if run.start() <= found - start < run.end():
                            self._register_run(run, window, number)
                    found = text.find(name, found + len(name))
        finally:
            self.registering = False

    def register_window(self, number: int, size: int = 3) -> None:
        """Register the paragraph ``number`` and up to ``size`` paragraphs before it."""
        index = self.index_of.get(number, len(self.order))
        for earlier in self.order[max(0, index - size):index + 1]:
            self.register_paragraph(earlier)

    _key = staticmethod(sources._key)

    def touch(self, entity: Entity, where: tuple[int, int], surface: str = "") -> Entity:
        entity.last_seen = max(entity.last_seen, where)
        entity.seen.append(where)
        if surface:
            entity.add_alias(surface)
            self.by_key.setdefault(self._key(surface), entity)
            acronym = _ACRONYM.search(surface) if ")" in surface else None
            if acronym:
                entity.add_alias(acronym.group(1))
                self.by_key.setdefault(self._key(acronym.group(1)), entity)
        return entity

    def entity_for_name(self, name: str, title: str, where: tuple[int, int], surface: str) -> Entity:
        words = name.split()
        honorific = ""
        while words and words[0] in _HONORIFICS:
            honorific = words[0]
            words = words[1:]
        bare = " ".join(words) or name
        if bare.endswith("'s") or bare.endswith("'"):
            bare = bare.rstrip("'s").rstrip("'") if bare.endswith("'") else bare[:-2]
        entity = self.by_key.get(self._key(bare))
        known = sources.lookup(self.registry, bare) or _lookup_without_nationality(self.registry, bare)
        if entity is not None and len(words) == 1 and entity.name != bare:
            entity = self._short_form(bare) or entity
            earlier = self.by_key.get(self._key(surface)) if surface.split(" ", 1)[0] in _HONORIFICS else None
            if earlier is not None and entity.last_seen[0] != where[0]:  # "Mr. Chen" stays who it was once
                entity = earlier  # another Chen is named, unless in this very paragraph ("Wang Guangfa ... Mr. Wang")
        if entity is None and known is not None:
            entity = self.by_key.get(self._key(known.name))
        if entity is None and len(bare.split()) <= 2:
            entity = self._short_form_of(bare, known)
        if entity is None:
            entity = self._full_form(bare)
        if entity is None and not self.registering:
            self.register_mentions(bare, where)
            entity = self.by_key.get(self._key(bare)) or (self._short_form_of(bare, known) if len(bare.split()) <= 2
                                                          else None)
        if entity is None and known is None and 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper() \
                and bare not in sources.nationality_words():
            expansion = self._expansion(bare, where)  # "IRCC" after "Immigration, Refugees and Citizenship Canada"
            if expansion is not None:
                entity = self.by_key.get(self._key(expansion))
                if entity is None:
                    entity = Entity(expansion, "org")
                    self.entities.append(entity)
                    self.by_key[self._key(expansion)] = entity
                entity.add_alias(bare)
        if entity is None:
            kind = known.kind if known else _kind_of(bare, title)
            if kind == "person" and not title and not honorific and surface.startswith("The ") and \
                    surface[4:].strip() == bare:
                kind = "org"  # "The Intellectual reported": a capitalised "The" names a title or a body, no person
            entity = Entity(bare, kind, known)
            if kind == "person" and len(words) >= 2:
                entity.gender = sources.first_name_genders().get(words[0], "")
            self.entities.append(entity)
            if known is not None:
                self.by_key[self._key(known.name)] = entity
        elif len(bare) > len(entity.name) and (
                (known is not None and known is entity.known)
                or (entity.known is None and all(word in bare.split() for word in entity.name.split()))):
            entity.add_alias(entity.name)
            entity.name = bare
        self.by_key.setdefault(self._key(bare), entity)
        if title:
            entity.gender = entity.gender or next(
                (_GENDER_BY_ROLE[w.lower()] for w in title.split() if w.lower() in _GENDER_BY_ROLE), "")
            entity.add_descriptor(title)
            entity.person_evidence = entity.person_evidence or any(
                sources.role_words().get(w.lower(), ("", ""))[1] in ("role", "weak_role") for w in title.split())
        if honorific:
            entity.person_evidence = True
            entity.gender = entity.gender or _GENDER_BY_HONORIFIC.get(honorific, "")
        if entity.kind == "person" and (sources.looks_chinese_name(entity.name) or entity.known):
            entity.person_evidence = True
        return self.touch(entity, where, surface)

    def _short_form_of(self, bare: str, known: sources.KnownSource | None) -> Entity | None:
        """The entity ``bare`` shortens, unless ``bare`` is a registered body that only ends the other's name
        ("Nature" the journal, not the "International Union for Conservation of Nature")."""
        entity = self._short_form(bare)
        if entity is not None and known is not None and known.kind == "org" and (
                re.search(rf"\b(?:of|for)\s+{re.escape(bare)}$", entity.name)
                or entity.known is None and entity.name.startswith(bare + " ")):
            return None  # (nor is "the WHO" the "WHO China Office" named before it)
        return entity

    def _expansion(self, acronym: str, where: tuple[int, int]) -> str | None:
        """The capitalised words, written earlier in the article, whose initials spell ``acronym``."""
        pattern = _acronym_pattern(acronym)
        for number in self.order:
            if number > where[0]:
                break
            found = pattern.search(self.texts[number])
            if found:
                return found.group(0)
        return None

    def _short_form(self, bare: str) -> Entity | None:
        if bare in sources.nationality_words():
            return None
        words = _words_of(bare)
        first = words[0]
        best = None
        capitalised = _is_cap(first)
        for entity in self.entities:
            name = _words_of(entity.name)
            if first not in name and "-" in entity.name:
                name = _without_name_articles(name)  # "Sisi" of "Abdel Fattah al-Sisi"
            if first not in name or len(name) <= len(words):
                continue
            if capitalised and all(word.islower() for word in name if word not in words):
                continue  # "the ICTV" is not "the ICTV group", "Civic Action" not "the Civic Action study"
            if name[-len(words):] == words or name[:len(words)] == words or (
                    len(words) == 1 and len(name) >= 3 and entity.kind == "person"):
                if best is None or entity.last_seen > best.last_seen:
                    best = entity
        return best

    def _register_role_mentions(self, head: str, where: tuple[int, int]) -> bool:
        """Register the earlier paragraphs that use the role word ``head`` ("commissioner"), once per article:
        "the WHL commissioner" may be "WHL commissioner Ron Robison" named many paragraphs before."""
        if "role:" + head in self.searched:
            return False
        self.searched.add("role:" + head)
        found = False
        for number in self.order:
            if number >= where[0]:
                break
            if number not in self.registered and head in self.texts[number].lower():
                self.register_paragraph(number)
                found = True
        return found

    def _full_form(self, bare: str) -> Entity | None:
        words = bare.split()
        if len(words) not in (2, 3):
            return None
        ends = (words[0], words[-1])
        return max((entity for entity in self.entities if entity.name in ends and entity.known is None
                    and entity.kind == "person"), key=lambda e: e.last_seen, default=None)

    def entity_for_role(self, phrase: str, where: tuple[int, int]) -> Entity | None:
        tokens = phrase.split()
        determiner = tokens[0].lower() if tokens and tokens[0].lower() in _DETERMINERS else ""
        if determiner and tokens[1:2] == ["of"] or determiner in _NUMBER_WORDS and len(tokens) > 1:
            determiner = ""  # "some of the scientists", "two Melbourne University academics": named whole
        body = " ".join(tokens[1:] if determiner else tokens)
        if not body:
            return None
        known = sources.lookup(self.registry, body) if len(tokens) >= 3 else None
        if known is not None and known.kind == "org":  # "the office of the director of national intelligence",
            return self.entity_for_name(known.name, "", where, phrase)  # a registered body written in lower case
        spokesperson = _SPOKESPERSON_FOR.match(body)
        if spokesperson:
            inner = spokesperson.group(1)
            name, title = _split_name(inner)
            entity = self.entity_for_name(name, title, where, inner) if name else self.entity_for_role(inner, where)
            if entity is not None:
                entity.add_alias(phrase)
            return entity
        head = _bare(body.split()[-1]).lower()
        speaking_for = body.split()[:-1]
        if head in _SPOKESPERSON_WORDS and speaking_for and all(word.islower() for word in speaking_for) and \
                sources.organisation_word_in(" ".join(speaking_for)) and determiner in ("a", "an", "the"):
            body_entity = self._described(" ".join(speaking_for), _bare(speaking_for[-1]).lower(), where)
            if body_entity is not None and body_entity.kind == "org":  # "an embassy spokesperson": the embassy named
                body_entity.add_alias(phrase)  # before, as "a spokesperson for the embassy" is
                return self.touch(body_entity, where, phrase)
        plural = head.endswith("s") and (head[:-1] in sources.role_words() or head[:-2] in sources.role_words()
                                         or head.endswith("ies") and head[:-3] + "y" in sources.role_words())
        if body.lower() in ("country", "nation"):
            return self._country(where, phrase)
        if determiner == "the" and re.match(r"\d{1,3}-year-old\b", body):
            person = self._person_just_named(where)
            if person is not None:
                return self.touch(person, where, phrase)
        if determiner in ("the", "this", "that", "") and not plural:
            entity = self._described(body, head, where)
            if entity is None or entity.last_seen[0] < where[0]:
                self.register_window(where[0], 1)
                entity = self._described(body, head, where)
            if entity is None:
                self.register_window(where[0], 2)
                entity = self._described(body, head, where)
            if entity is None and sources.role_words().get(head, ("", ""))[1] in ("role", "weak_role") \
                    and self._register_role_mentions(head, where):
                entity = self._described(body, head, where)
            if entity is None and determiner == "the" and " " not in body:
                entity = self._recent_organisation(head, where)
            if entity is None and determiner == "the":
                entity = self._salient_holder(body, head, where)
            if entity is not None:
                return self.touch(entity, where, phrase)
        if plural and determiner in ("the", "both", ""):
            joint = self._recent_joint(body, head, where)
            if joint is not None:
                return self.touch(joint, where, phrase)
        entity = self.by_key.get(self._key(body))
        if entity is None:
            words = body.split()
            cut = next((i for i, word in enumerate(words) if i and (word in _LINKS or word == "on")), len(words))
            noun = _bare(words[cut - 1]).lower()  # "embassy" of "Chinese embassy in Canberra"
            kind = "org" if "org" in (sources.role_words().get(head, ("", ""))[1],
                                       sources.role_words().get(noun, ("", ""))[1]) else "person"
            entity = Entity(body, kind, gender=_GENDER_BY_ROLE.get(head, ""))  # "a Marine spokeswoman" is no "he"
            entity.add_descriptor(body)
            self.entities.append(entity)
            self.by_key[self._key(body)] = entity
        return self.touch(entity, where, phrase)

    def remember_document(self, noun: str, entity: Entity) -> None:
        """Note that "the <noun>" of this article stands for ``entity`` (its issuer, or the document itself)."""
        self.documents.pop(noun, None)
        self.documents[noun] = entity

    def document_for(self, noun: str, where: tuple[int, int], surface: str) -> Entity | None:
        """The source an earlier document of the article stands for, at any distance: "the notice" (or the generic
        "the document") after "a notice, released by the State Council's ... Mechanism" several paragraphs before."""
        entity = self.documents.get(noun)
        if entity is None and noun in _GENERIC_DOCUMENTS and self.documents:
            entity = next(reversed(self.documents.values()))
        return self.touch(entity, where, surface) if entity is not None else None

    def new_document(self, noun: str, name: str, where: tuple[int, int], surface: str) -> Entity:
        """A document with no issuer named that is itself the source ("according to a study that analysed ...")."""
        entity = Entity(name, "org", document=noun)
        self.entities.append(entity)
        self.by_key.setdefault(self._key(name), entity)
        self.remember_document(noun, entity)
        return self.touch(entity, where, surface)

    def entity_for_quantified(self, phrase: str, where: tuple[int, int]) -> Entity | None:
        """The source of a subject led by a quantifier ("One", "Another", "several members", "some in the Muslim
        community"), named by the whole phrase; a bare "One" right after a group spoke is one of that group, a
        bare "Another" another of the kind just quoted. Other phrases go to :meth:`entity_for_role`."""
        tokens = phrase.split()
        determiner = tokens[0].lower()
        body = " ".join(tokens[1:])
        if determiner not in _QUANTIFIER_PRONOUNS or body and body.split()[0].lower() not in _POST_MODIFIER_LEAD \
                and not (" " not in body and body.islower() and body.endswith("s") and not _role_word(body)):
            return self.entity_for_role(phrase, where)
        last = self.last_speakers[-1][1] if self.last_speakers and where[0] - self.last_speakers[-1][0][0] <= 1 else None
        if determiner == "one" and not body and last is not None and \
                _is_group(re.split(r" (?:in|from|at|on|of|with) ", last.name)[0]):
            # "Intelligence sources in Australia were quick to say ... One told the Guardian": one of the group
            return self.touch(last, where, phrase)
        entity = self.by_key.get(self._key(phrase))
        if entity is None:
            entity = Entity(phrase, "person" if len(tokens) == 1 else "group")
            if determiner == "another" and not body and last is not None:  # "one commenter on Weibo ... Another"
                for descriptor in (last.name, *last.descriptors):
                    entity.add_descriptor(descriptor)
            self.entities.append(entity)
            self.by_key[self._key(phrase)] = entity
        return self.touch(entity, where, phrase)

    def joint(self, members: list[Entity], title: str, where: tuple[int, int], surface: str) -> Entity:
        """The joint source of people named together as one subject ("Harvard economists Lawrence Summers and
        Lant Pritchett said"): the same members give the same entity; ``title`` describes every member."""
        key = tuple(id(member) for member in members)
        entity = self.joints.get(key)
        if entity is None:
            entity = Entity(" and ".join(member.name for member in members), "group", members=tuple(members))
            self.joints[key] = entity
            self.entities.append(entity)
        if title:
            for described in (entity, *members):
                described.add_descriptor(title)
        return self.touch(entity, where, surface)

    def _recent_joint(self, body: str, head: str, where: tuple[int, int]) -> Entity | None:
        """For "the two economists" / "the authors": the joint source that spoke last, in this paragraph or the
        three before, when the phrase is a bare plural role (with a count, if any, equal to its size) of the
        members' category."""
        words = body.lower().split()
        count = _COUNT_WORDS.get(words[0]) if len(words) == 2 else None
        if len(words) > 2 or (len(words) == 2 and count is None):
            return None
        role = sources.role_words().get(head) or sources.role_words().get(head[:-1], ("", "")) \
            if head.endswith("s") else ("", "")
        if role[1] != "role":
            return None
        for seen, entity in reversed(self.last_speakers):
            if where[0] - seen[0] > 3:
                break
            if entity.members and (count is None or count == len(entity.members)) and (
                    head in _AUTHORSHIP_WORDS or all(sources.classify(m.name, m.descriptors + m.aliases, m.known)[0]
                                                     == role[0] for m in entity.members)):
                return entity  # ("the authors" of a letter are its signers, whatever their category)
        return None

    def _person_just_named(self, where: tuple[int, int]) -> Entity | None:
        """For "the 26-year-old right wing": the person who was last a clause subject, else last named, in this
        paragraph or the one before."""
        self.register_window(where[0], 1)
        people = [e for e in self.entities if e.kind == "person" and _may_be_person(e.name) and not _is_group(e.name)
                  and e.seen_before(where)[0] >= where[0] - 1 and (e.person_like or e.subject_before(where) > _NEVER)
                  and not any(word in _CONNECTORS for word in e.name.split())]
        subjects = [e for e in people if e.subject_before(where)[0] >= where[0] - 1]
        if subjects:
            return max(subjects, key=lambda e: e.subject_before(where))
        return max(people, key=lambda e: e.seen_before(where), default=None)

    def _salient_holder(self, body: str, head: str, where: tuple[int, int]) -> Entity | None:
        """For "the prime minister" / "the lanky, bespectacled professor" that no description links to a name: the
        person just made a clause subject (``_person_just_named``), when the role is an official, expert or
        business one and that person's own category does not contradict it ("Trudeau made the comments
        ... The prime minister said")."""
        category, kind = sources.role_words().get(head, ("", ""))
        words = body.split()
        if kind != "role" or category not in ("official", "expert", "business") or head == "official" \
                or head in _COMMON_ROLES \
                or len(words) > 4 or any(word in _LINKS or _is_cap(word) for word in words):
            return None
        text = self.texts.get(where[0], "")
        found = text.find(body, where[1])
        if found >= 0 and _NAME_AFTER_ROLE.match(text, found + len(body)):
            return None  # "the nation's top epidemiologist, Wu Zunyou": the name follows
        person = self._person_just_named(where)
        if person is None or person.members or not _may_be_person(person.name):
            return None
        last = person.seen_before(where)
        if last[0] == where[0] and not _SENTENCE_END.search(text, last[1], where[1] + 1):
            return None  # "Cormann has also pointed to the prime minister's comments": one sentence, two people
        if any((_is_role_description(text) or sources.organisation_word_in(text)) and not _has_phrase(text.lower(), head)
               for text in person.descriptors):
            return None  # described with another role or body: "the prime minister" is no "foreign minister Marise
            # Payne", "the premier" no "Bai Ming with the research department of the Ministry of Commerce"
        own = sources.classify(person.name, person.descriptors + person.aliases, person.known)[0]
        return person if own in (category, "other") else None

    def salient_person(self, where: tuple[int, int]) -> Entity | None:
        """The person a paragraph that is only a quote most likely belongs to: the last one named as a
        sentence subject in the previous paragraph, if no speaker was credited there."""
        self.register_window(where[0], 1)
        previous = where[0] - 1
        candidates = [e for e in self.entities if e.person_like and e.subject_seen[0] == previous > 0]
        return max(candidates, key=lambda e: e.subject_seen, default=None)

    def _country(self, where: tuple[int, int], phrase: str) -> Entity | None:
        """"The country": the most recently named country or nation in the article."""
        self.register_window(where[0], 1)
        countries = [e for e in self.entities if e.name in sources.nationality_words() and e.seen_before(where) > _NEVER]
        if not countries:
            return None
        return self.touch(max(countries, key=lambda e: e.seen_before(where)), where, phrase)

    def _described(self, body: str, head: str, where: tuple[int, int]) -> Entity | None:
        """The most recent entity that ``body`` ("chamber", "European Commission President") describes; a bare role
        ("the diplomat") stands for the last one of its category named before ``where``."""
        ranked = sorted(self.entities, key=lambda e: e.last_seen, reverse=True)
        head_category, head_kind = sources.role_words().get(head, ("", ""))
        for entity in ranked:
            if head_kind == "org" and entity.kind == "person" and (entity.person_evidence or entity.gender) \
                    and not _has_phrase(entity.name, body):
                continue  # "the bank" is no "European Central Bank President Mario Draghi"
            if any(_has_phrase(text, body) for text in (entity.name, *entity.descriptors, *entity.aliases)):
                return entity
        if head_kind in ("role", "weak_role") and not head.endswith("s"):
            wanted = {_bare(word).lower().removesuffix("'s") for word in body.split()}
            leader = head in _LEADER_WORDS and len(wanted) > 1  # "the WHO chief": the WHO's director-general
            for entity in ranked:  # "the mayor": the named person last described with every word of the role, in
                if entity.kind == "person" and not entity.members and (
                        entity.name.split()[-1][:1].isupper() and _may_be_person(entity.name)
                        or _role_head(entity.name) == head) and not entity.place_evidence:
                    described = {_bare(word).lower().removesuffix("'s")  # any order ("Mayor Rod Peters", "WHL
                                 for text in (*entity.descriptors, *entity.aliases) for word in text.split()}
                    if wanted <= described or leader and wanted - {head} <= described and described & _LEADER_WORDS:
                        return entity  # commissioner")
        wanted_kind = "org" if head_kind == "org" else "person"
        words = body.split()
        nationality = ""  # "the Chinese diplomat", "China's top diplomat": a role with its country and rank
        while len(words) > 1 and head_kind == "role":
            modifier = _bare(words[0]).removesuffix("'s")
            if modifier.lower() not in _RANK_WORDS and modifier not in sources.nationality_words():
                break
            nationality = sources.nationality_words().get(modifier, nationality)
            words = words[1:]
        if len(words) > 1 or head_category not in ("official", "expert", "business", "media") or head in _COMMON_ROLES:
            return None  # ("the doctor" is not the last expert named: a story may quote several doctors)
        if head_kind == "role":  # a person named before the role, and not again after it in its sentence ("Wang
            text = self.texts.get(where[0], "")  # Yi met Antony Blinken. The diplomat told Blinken")
            end = _SENTENCE_END.search(text, where[1])
            end = end.start() if end else len(text)
            placed = sorted(((entity.seen_before(where), entity) for entity in self.entities),
                            key=lambda pair: pair[0], reverse=True)
            ranked = [entity for seen, entity in placed if seen != _NEVER
                      and not any(place[0] == where[0] and where[1] < place[1] < end for place in entity.seen)]
        for entity in ranked:
            category, origin = sources.classify(entity.name, entity.descriptors, entity.known)
            if entity.name in sources.nationality_words() and (head not in ("government", "authorities")
                                                                or _nationality_adjective(entity.name)):
                continue  # "the government" may be China's, never "American"'s
            if head in _NAMED_HEADS and entity.name not in sources.nationality_words() and \
                    not _named_with(entity, head):
                continue  # "the government" is not "the country's health authorities" named before it
            if head_category and entity.kind == wanted_kind and (
                    category == head_category or head_category == "media" and category.endswith("media")) \
                    and origin == (nationality or origin):
                return entity
        return None

    def _recent_organisation(self, head: str, where: tuple[int, int]) -> Entity | None:
        """For "the company" / "the union" / "the department": the organisation named last, in this
        paragraph or the two before, that is no country and (unless ``head`` is a media word) no outlet."""
        head_category, head_kind = sources.role_words().get(head, ("", ""))
        if head_kind != "org":
            return None
        best = None
        for entity in self.entities:
            if entity.kind != "org" or not where[0] - 2 <= entity.last_seen[0] or entity.last_seen >= where \
                    or entity.name in sources.nationality_words() or (best is not None and entity.last_seen <= best.last_seen):
                continue
            category = sources.classify(entity.name, entity.descriptors, entity.known)[0]
            if category.endswith("media") and head_category != "media":
                continue
            if head_category == "official" and category == "business":
                continue  # "the ministry" is not the WeChat named before it
            if head in _NAMED_HEADS and not _named_with(entity, head):
                continue  # "the team" is not the CDC named before it, "the embassy" not the Alibaba Foundation
            best = entity
        return best

    def entity_for_pronoun(self, pronoun: str, where: tuple[int, int], exclude: frozenset[int] = frozenset()) \
            -> Entity | None:
        """The entity a pronoun stands for; ``exclude``: ids of the people it cannot be (named in the content)."""
        gender = _PRONOUNS[pronoun.lower()]
        wanted_kind = "person" if gender in "mf" else "org"
        window = 5 if gender in "mf" else 2
        recent = [entity for seen, entity in reversed(self.last_speakers) if where[0] - seen[0] <= window
                  and id(entity) not in exclude]
        if gender == "p":
            plural = [entity for entity in recent if _is_group(entity.name)] or \
                     [entity for entity in recent if entity.kind == "org"]
            return self._bind(plural[0], gender, where, pronoun) if plural else None
        speaker = next((e for e in recent if e.kind == wanted_kind and e.gender in ("", gender)
                        and not _is_group(e.name) and (gender == "o" or not e.place_evidence or e.person_evidence)
                        and (gender == "o" or _may_be_person(e.name))), None)
        spoke_recently = speaker is not None and max(
            seen for seen, e in self.last_speakers if e is speaker)[0] >= where[0] - 1
        if wanted_kind == "person":
            # a person newly made a clause subject since the speaker last spoke takes over: in the paragraph
            # of the pronoun even when the speaker spoke just before, in the 3 paragraphs before otherwise
            self.register_window(where[0], 0 if spoke_recently else 3)
            spoke = max((seen for seen, e in self.last_speakers if e is speaker), default=_NEVER)
            earliest = (where[0], -1) if spoke_recently else (where[0] - 3, 0)
            subject = max((e for e in self.entities if e.person_like and e.gender in ("", gender)
                           and not _is_group(e.name) and id(e) not in exclude and _may_be_person(e.name)
                           and max(spoke, earliest) < e.subject_before(where) and e is not speaker),
                          key=lambda e: e.subject_before(where), default=None)
            if subject is not None and subject.subject_before(where)[0] < where[0] and not spoke_recently:
                # "..., including Shi Zhengli, the virologist who ... She said": the one person named earlier in
                # the pronoun's own paragraph beats a subject of the paragraphs before
                here = [e for e in self.entities if e.person_like and e.gender in ("", gender) and e is not subject
                        and id(e) not in exclude
                        and not _is_group(e.name) and _may_be_person(e.name) and e.seen_before(where)[0] == where[0]]
                if len(here) == 1:
                    return self._bind(here[0], gender, where, pronoun)
            if subject is not None:
                return self._bind(subject, gender, where, pronoun)
        if wanted_kind == "org" and gender == "o":
            self.register_window(where[0], 0)
            subject = max((e for e in self.entities if e.kind == "org" and e.subject_seen[0] == where[0]
                           and e.subject_seen < where and id(e) not in exclude and not _nationality_adjective(e.name)),
                          key=lambda e: e.subject_seen, default=None)
            if subject is not None and (speaker is None or subject.subject_seen[0] == where[0]):
                return self._bind(subject, gender, where, pronoun)
            if speaker is None:  # "Twitter also released the details of ... accounts ... from Russia." / "it said"
                self.register_window(where[0], 1)
                subject = max((e for e in self.entities
                               if e.kind == "org" and e.subject_before(where)[0] >= where[0] - 1),
                              key=lambda e: e.subject_before(where), default=None)
                if subject is not None:
                    return self._bind(subject, gender, where, pronoun)
        if speaker is not None:
            return self._bind(speaker, gender, where, pronoun)
        self.register_window(where[0], 5 if wanted_kind == "person" else 1)  # as far back as a speaker may be
        for entity in sorted(self.entities, key=lambda e: e.seen_before(where), reverse=True):
            if entity.seen_before(where) == _NEVER:
                continue
            if (wanted_kind == "person" and entity.person_like and entity.gender in ("", gender)
                    and id(entity) not in exclude and not _is_group(entity.name)
                    and _may_be_person(entity.name)) or (
                    wanted_kind == "org" and entity.kind == "org" and not _mere_place(entity)):
                return self._bind(entity, gender, where, pronoun)
        if wanted_kind == "person":  # no person with evidence: a recent full personal name will do
            named = [e for e in self.entities if e.kind == "person" and e.known is None and e.gender in ("", gender)
                     and not e.place_evidence and id(e) not in exclude
                     and 2 <= len(e.name.split()) <= 4 and _may_be_person(e.name) and not _is_group(e.name)
                     and e.seen_before(where) != _NEVER and e.seen_before(where)[0] >= where[0] - 2
                     and not any(word in sources.nationality_words() or word.endswith(("'", "'s"))
                                 for word in e.name.split())]
            if named:
                return self._bind(max(named, key=lambda e: e.seen_before(where)), gender, where, pronoun)
        return None

    def _bind(self, entity: Entity, gender: str, where: tuple[int, int], pronoun: str) -> Entity:
        if gender in "mf" and not entity.gender:
            entity.gender = gender
        return self.touch(entity, where, pronoun.lower())

    def surname_he(self, where: tuple[int, int]) -> Entity | None:
        """A recently named "He Lifeng" for a sentence-initial "He"."""
        index = self.index_of.get(where[0], len(self.order))
        if not any("He " in self.texts[number] and _HE_SURNAME.search(self.texts[number])
                   for number in self.order[max(0, index - 1):index + 1]):
            return None
        self.register_window(where[0], 1)
        for entity in sorted(self.entities, key=lambda e: e.last_seen, reverse=True):
            if entity.name.split()[0] == "He" and sources.looks_chinese_name(entity.name) \
                    and where[0] - entity.last_seen[0] <= 1:
                for seen, speaker in reversed(self.last_speakers):
                    if seen[0] == where[0] and speaker is not entity and speaker.kind == "person":
                        return None
                return self.touch(entity, where, "He")
        return None


# ---------------------------------------------------------------- paragraph analysis


@dataclass
class _Hit:
    entity: Entity
    mention: str
    cue: str
    position: int
    cue_start: int
    relay: bool
    embedded: bool = False
    nested: bool = False  # found inside a quotation: a source the quoted text itself reports


class _Paragraph:
    """One paragraph: its quote spans, sentences and the cue hits found in it."""

    def __init__(self, text: str, number: int, article: _Article):
        text = text.replace("''", '" ') if "''" in text else text
        if "'" in text and '"' not in text and (is_heading(text) or _COLON_QUOTE.match(text)):
            text = _HEADLINE_QUOTE.sub(r'"\1"', text)  # headlines, and "Liu: 'Countries ...'", quote with single marks
        if text.count('"') % 2 and _CLOSING_FIRST.match(text):
            text = '"' + text  # the paragraph opens inside a quote that began in the previous one
        self.text = text
        self.number = number
        self.article = article
        self.spans = _quote_spans(text)
        self.masked = _mask(text, self.spans) if self.spans else text
        if " - " in self.masked or " \u2013 " in self.masked:  # a spaced hyphen is a dash: "Treasury Wine Estates - whose share price fell - told"
            self.masked = _SPACED_HYPHEN.sub(" \u2014 ", self.masked)  # (not a dateline's: "WASHINGTON - ")
        label = (_SECTION_LABEL.match(self.masked) or _DATELINE.match(self.masked)) \
            if text[:1].isupper() and text[1:2].isupper() else None
        if label:  # "EARNINGS: Samsung Electronics Co. said", "WASHINGTON — The ... adviser said": a news brief's label
            self.masked = " " * label.end() + self.masked[label.end():]  # or a dateline is no subject
        self._sentences: list[tuple[int, int]] | None = None
        self.cues: list[_CueMatch] = []
        self.hits: list[_Hit] = []
        article.add_text(number, self.masked)

    def sentence_of(self, position: int) -> tuple[int, int]:
        if self._sentences is None:
            self._sentences = _sentence_bounds(self.masked)
            self._sentence_starts = [start for start, _ in self._sentences]
        index = bisect.bisect_right(self._sentence_starts, position) - 1
        return self._sentences[max(0, index)]

    def run(self, cues: list[_CueMatch] | None = None) -> None:
        """Find the cue hits; ``cues``: the cues of the text when already found (a text with no quotes)."""
        forms = _cue_lexicon()[0]
        self.cues = _bound_cues(self.masked, _find_cues(self.masked) if cues is None else cues)
        for match in self.cues:
            lower = match.group(0).lower()
            cue = forms[" ".join(lower.split())]
            if (lower in _NOUN_FORMS or lower.startswith(("call for", "calls for"))) and not (
                    lower.endswith("ing") and _WITH_SUBJECT.search(self.masked, max(0, match.start() - 80),
                                                                   match.start())) and (  # "with X warning"
                    _NOUN_CONTEXT.search(self.masked[max(0, match.start() - 60):match.start()])
                    or _NOUN_LINK_AFTER.match(self.masked, match.end()) and not lower.endswith("ing")
                    and not (lower.startswith("call") and self.masked[match.end():].lstrip()
                             .startswith("from"))):  # "answering calls from friends": telephone calls
                self._noun_cue(match)
            elif cue.kind == "verb":
                self._verb_cue(match, cue)
            elif cue.kind == "source_after":
                self._source_after_cue(match)
            else:
                self._noun_cue(match)
        self._drop_countries_voiced_by_their_officials()
        if self.spans and "\x01" in self.masked:
            self._headlines()
        for span in self.spans:
            if span[1] - span[0] >= _NESTED_MIN_QUOTE:
                self._nested_sources(span)

    def _drop_countries_voiced_by_their_officials(self) -> None:
        """A country's position told by one of its own officials after it in the sentence ("China firmly opposes the
        decision, Foreign Ministry spokesperson Mao Ning said") is the official speaking for the country, as in
        "Guo said that China expresses concern": the country gets no record of its own."""
        countries = sources.nationality_words()
        dropped = set()
        for index, hit in enumerate(self.hits):
            if hit.entity.name not in countries or hit.relay or hit.embedded or hit.nested:
                continue
            sentence_end = self.sentence_of(hit.cue_start)[1]
            for later in self.hits:
                if later.entity.name in countries or not hit.cue_start < later.cue_start < sentence_end or \
                        not self.masked[:min(later.position, later.cue_start)].rstrip().endswith(","):
                    continue
                own = countries[hit.entity.name] == "chinese" or any(  # a foreign country: only an official who
                    hit.entity.name in text for text in (later.entity.name, *later.entity.descriptors))  # names it
                if own and sources.classify(later.entity.name, later.entity.descriptors, later.entity.known) == (
                        "official", countries[hit.entity.name]):
                    dropped.add(index)
                    break
        if dropped:
            gone = {(self.number, self.hits[index].cue_start) for index in dropped}
            self.hits = [hit for index, hit in enumerate(self.hits) if index not in dropped]
            self.article.last_speakers = [entry for entry in self.article.last_speakers if entry[0] not in gone]

    def _headlines(self) -> None:
        """A registered newspaper quoted by its front page in a press review ("The FT has \"...\"")."""
        for found in _headline().finditer(self.masked):
            outlet = found.group("outlet")
            known = sources.lookup(self.article.registry, outlet)
            if known is None or not known.category.endswith("media") or any(
                    hit.cue_start == found.start("verb") for hit in self.hits):
                continue
            position = found.start("outlet")
            self._add(self._resolve(outlet, position, []), found.group("verb"), position, found.start("verb"))

    def _nested_sources(self, span: tuple[int, int]) -> None:
        """Named sources that a long quotation itself reports ("Ambassador Cheng elaborated ..., stressing that
        ..." inside an embassy statement): records of their own, with no quote credit. Pronoun and first-person
        subjects are left out, so a quoted "he told me" never steals the speaker."""
        inner = _NestedText(self.text[span[0] + 1:span[1]], self.number, self.article)
        forms = _cue_lexicon()[0]
        for match in _bound_cues(inner.masked, _find_cues(inner.masked)):
            cue = forms[" ".join(match.group(0).lower().split())]
            if cue.kind == "verb" and not (match.group(0).lower() in _NOUN_FORMS and _NOUN_CONTEXT.search(
                    inner.masked[max(0, match.start() - 60):match.start()])):
                inner._verb_cue(match, cue)
        for hit in inner.hits:
            self.hits.append(_Hit(hit.entity, hit.mention, hit.cue, span[0] + 1 + hit.position,
                                  span[0] + 1 + hit.cue_start, hit.relay, True, True))

    # -- resolution of a noun phrase to an entity

    def _content_people(self, pronoun: str, position: int) -> frozenset[int]:
        """For "Macharia and some colleagues hid under desks, he said": the people named before the pronoun in
        its own sentence are what is reported, so "he" is someone else; so are the bodies and places before "it"
        ("They have targeted companies in the US, Germany and Britain, it said")."""
        if pronoun.lower() not in ("he", "she", "it") or \
                not self.masked[max(0, position - 3):position].rstrip().endswith(",") or \
                self.masked[position:position + len(pronoun)].lower() != pronoun.lower():
            return frozenset()  # (not for "it" standing in for "the statement said")
        if pronoun.lower() == "it" and not _CLAUSE_FINAL_CUE.match(self.masked, position + 2):
            return frozenset()  # "While the WHO was criticised ..., it recently accused China": the WHO
        kind = "org" if pronoun.lower() == "it" else "person"
        start = self.sentence_of(position)[0]
        self.article.register_paragraph(self.number)
        words = self.masked[start:position].split(None, 5)[:5] if kind == "person" else []
        named = next((index for index, word in enumerate(words) if not _is_cap(word)), 0)
        # "Lui guesses the organizers have ..., though, he adds, ...": a named thinker opening the sentence speaks on
        thinker = start if named and words[named].lower() in sources.cognition_verbs() else None
        return frozenset(id(e) for e in self.article.entities if e.kind == kind and any(
            number == self.number and start <= place < position and place != thinker for number, place in e.seen))

    def _resolve(self, phrase: str, position: int, descriptors: list[str], cited: bool = False) \
            -> tuple[Entity, str] | None:
        """The entity a source phrase names, and the phrase; ``cited``: the phrase is what "according to" cites, so a
        document with no issuer named is itself the source."""
        phrase = phrase.strip(" ,")
        if "'s" in phrase:  # "the mayor of B.C.'s [second-largest city]"
            phrase = _DANGLING_POSSESSIVE.sub("", phrase)
        if "." in phrase:  # "Cao Yi. But Ye Wocheng": the last sentence's
            for sentence_break in _BREAK_IN_PHRASE.finditer(phrase):
                if sentence_break.group(1).lower() not in _ABBREVIATIONS:
                    phrase = phrase[sentence_break.end():]
                    break
        if not phrase:
            return None
        words = phrase.split()
        where = (self.number, position)
        if len(words) == 1 and words[0].lower() == "one":
            return None  # "One wonders whether": anyone, no source
        if len(words) == 1 and words[0].lower() in _PRONOUNS:
            if words[0] == "He":
                entity = self.article.surname_he(where)
                if entity is not None:
                    return entity, "He"
            if words[0].lower() == "it":
                subject = self._previous_organisation_subject(position)
                if subject is not None:
                    return subject[0], words[0]
            entity = self._relative_clause_person(words[0], position) or self.article.entity_for_pronoun(
                words[0], where, self._content_people(words[0], position))
            if entity is None and words[0].lower() == "they":
                group = self._plural_subject_before(position)
                if group is not None:  # "Officials met on Monday. They said": the group no one has yet quoted
                    return group[0], words[0]
            if entity is None and words[0].lower() in ("he", "she"):
                role = self._role_subject_before(position)
                if role is not None:  # "The foreign secretary arrived in Beijing on Monday. He said": the role
                    return role[0], words[0]
            return (entity, words[0]) if entity else None
        sibling = _SIBLING_DOCUMENT.match(phrase) if len(words) <= 5 else None
        if sibling:  # "... read one of the articles" after "the Global Times dedicated two articles to ...": its owner
            noun = next(group for group in sibling.groups() if group).lower()
            owner = self._document_owner(noun, position, _several_documents(noun))
            resolved = self._resolve(owner[0], owner[1], []) if owner else None
            if resolved is not None:
                self.article.remember_document(noun, resolved[0])
                return resolved[0], phrase
            earlier = self.article.document_for(noun, where, phrase)
            if earlier is not None:  # "warned another article" after "read one of the articles": the same owner
                return earlier, phrase
        document = _THE_DOCUMENT.match(phrase) if len(words) <= 3 else None
        if document:  # "The statement confirmed ...": whoever issued "a statement" before, else "it"
            noun = document.group(1).lower()
            owner = self._document_owner(noun, position)
            resolved = self._resolve(owner[0], owner[1], []) if owner else None
            if resolved is not None:
                if noun in sources.document_words():
                    self.article.remember_document(noun, resolved[0])
                return resolved
            mapped = self.article.documents.get(noun)
            earlier = (self._earlier_document_speaker(noun, where, phrase, mapped.last_seen) if mapped else None) or \
                self.article.document_for(noun, where, phrase) or self._earlier_document_speaker(noun, where, phrase)
            if earlier is not None:
                return earlier, phrase
            if noun not in sources.document_words():  # "the release": its issuer or nobody
                return self._resolve("it", position, [])
            return self.article.new_document(noun, noun, where, phrase), phrase  # "The survey found": the survey
        authored = _DOCUMENT_BY.match(phrase) or _DATA_BY.match(phrase)
        if authored:
            return self._resolve(phrase[authored.end():], position + authored.end(), descriptors)
        owned = _DATA_OWNER.match(phrase)
        if owned:  # "China's customs data (showed)": the owner of the data
            return self._resolve(owned.group(1), position, descriptors)
        placed = _DOCUMENT_PLACED.match(phrase)
        if placed:  # named by the whole phrase, as it may be the only time the article names it
            name = phrase.split(None, 1)[1]
            return self.article.new_document(placed.group(1).lower(), name, where, phrase), phrase
        document = _A_DOCUMENT.match(phrase) if len(words) <= 3 else None
        if document:  # "according to a study that analysed ...": the study itself
            noun = document.group(2).lower()
            if document.group(1) and f"{document.group(1).lower()} {noun}" in sources.document_words():
                noun = f"{document.group(1).lower()} {noun}"  # "a white paper"
            name = f"{document.group(1)} {noun}" if document.group(1) and _is_cap(document.group(1)) else noun
            return self.article.new_document(noun, name, where, phrase), phrase
        if _AGE_LEAD.match(phrase):  # "The 26-year-old right wing" after "Niederreiter has four goals ..."
            subject = self._previous_sentence_subject(position)
            if subject is not None and _split_name(subject[0])[0] and subject[0].lower() not in _PRONOUNS:
                resolved = self._resolve(subject[0], subject[1], [])
                if resolved is not None:
                    resolved[0].add_alias(phrase)
                    return resolved[0], phrase
        cached = self.article.named.get(phrase)
        if not cached and len(words) >= 2 and _OPENING_ADVERB_OR_GERUND.match(words[0]) and "-" not in words[0] \
                and words[0] not in sources.first_name_genders() and not _surname_like(words[0]) and (
                    words[0].endswith("ly") or _surname_like(words[-1]) and len(words) <= 3):  # not "Downing Street"
            offset = len(words[0]) + 1  # "Apparently Regina", "Quoting Deng", "Recently the World Justice Project"
            phrase, position, words = phrase[offset:], position + offset, words[1:]
            if words[0].lower() in ("the", "a", "an") and len(words) == 1:
                return None
        if not cached and len(words) == 1 and self._common_sentence_opener(phrase, position):
            return None  # "Indeed, the Italian people have expressed", "History tells us"
        if not cached and len(words) == 2 and _surname_like(words[1]) and \
                self.article._common_opener(words[0], self.masked, position):
            phrase, position, words = words[1], position + len(words[0]) + 1, words[1:]  # "Examples Chu cited"
        trailing = _TRAILING_ADVERB.search(phrase) if not cached and " " in phrase else None
        if trailing and trailing.start():  # "Secretary of state Mike Pompeo later (told ... and said)"
            phrase, words = phrase[:trailing.start()], phrase[:trailing.start()].split()
        placed = _GROUP_AT_PLACE.match(phrase) if not cached and " " in phrase else None
        if placed and not _is_group(placed.group(2)) and not (placed.group(2).islower()
                                                               and placed.group(2).endswith(_PEOPLE_ENDINGS)):
            placed = None  # a group of people ("Doctors at two hospitals in Wuhan", "forces in Taiwan"), not a body
            # named so ("Centers for Disease Control and Prevention Director Robert Redfield")
        if not placed and not cached:  # "The Kurdish-led administration in north-east Syria": one body
            placed = _body_at_place(phrase)
        if not cached and len(words) == 2 and words[0] in sources.nationality_words() and _is_cap(words[1]) and any(
                entity.kind == "person" and entity.name.split()[-1] == words[1] for entity in self.article.entities):
            phrase, position, words = words[1], position + len(words[0]) + 1, words[1:]  # "From Tasmania Morrison said"
        pair = _REGISTERED_PAIR.match(phrase) if not cached and " and " in phrase else None
        if pair and sources.lookup(self.article.registry, phrase) is None and all(
                sources.lookup(self.article.registry, part) is not None for part in pair.groups()):
            first = self._resolve(pair.group(1), position + pair.start(1), [])
            second = self._resolve(pair.group(2), position + pair.start(2), [])
            if first is not None and second is not None and first[0] is not second[0]:
                return self.article.joint([first[0], second[0]], "", where, phrase), phrase  # "The IMF and World Bank"
        name, title = ("", "") if cached or placed else _split_name(phrase)
        modified = _MODIFIED_NAME.match(phrase) if not cached and not placed else None
        known = sources.lookup(self.article.registry, modified.group(2)) if modified and not any(
            word in _PREPOSITIONS or word in _DETERMINERS for word in modified.group(1).split()) else None
        if known is not None and known.kind == "org":
            name, title = modified.group(2), modified.group(1).strip()  # "the official Xinhua news agency"
        if name and _NEAR_NAME.search(title):  # "a source close to Jingye" is not Jingye
            name, title = "", ""
        if cached:
            entity = self.article.touch(cached, where, phrase)
        elif name:
            entity = self.article.entity_for_name(name, title, where, phrase)
            if len(name.split()) >= 2:
                self.article.named[phrase] = entity
        else:
            entity = self.article.entity_for_role(phrase, where)
        if entity is None:
            return None
        for descriptor in descriptors:
            entity.add_descriptor(descriptor)
            entity.add_alias(descriptor)
        return entity, phrase

    def _relative_clause_person(self, pronoun: str, position: int) -> Entity | None:
        """For "he"/"she" opening a relative clause ("..., cited by China's ambassador to Australia, Cheng Jingye, in
        a controversial interview in which he warned") or a clause inside a "who" clause ("Li Wenliang, who was
        censored when he tried to warn"): the one person named earlier in the sentence, if exactly one."""
        if pronoun.lower() not in ("he", "she") or not (
                _RELATIVE_BEFORE.search(self.masked, max(0, position - 24), position)
                or _WHO_CLAUSE_BEFORE.search(self.masked, max(0, position - 100), position)):
            return None
        start = self.sentence_of(position)[0]
        self.article.register_paragraph(self.number)
        people = {id(entity): entity for entity in self.article.entities if entity.kind == "person"
                  and not entity.members and _looks_personal(entity.name.split())
                  and entity.gender in ("", _PRONOUNS[pronoun.lower()])
                  and any(place[0] == self.number and start <= place[1] < position for place in entity.seen)}
        if len(people) != 1:
            return None
        person = next(iter(people.values()))
        return self.article.touch(person, (self.number, position), pronoun)

    def _role_to_place(self, phrase: str) -> re.Match | None:
        """ "China's ambassador to the United States": a role sent to a country or a known body, with no name after
        it ("... to the United Kingdom Liu Xiaoming" is Liu Xiaoming)."""
        found = _ROLE_TO_PLACE.match(phrase)
        if found is None:
            return None
        place = found.group(3)
        known = place in sources.nationality_words() or sources.lookup(self.article.registry, place) is not None
        return found if known else None

    def _common_sentence_opener(self, word: str, position: int) -> bool:
        """Whether a lone capitalised word that opens its sentence is a common word, not a name: an adverb or a
        participle ("Recently", "Having"), or a word the article also writes in lower case ("History", "Article")."""
        start = self.sentence_of(position)[0]
        if self.masked[start:position].strip(" \"'\x01(") or self.article._key(word) in self.article.by_key \
                or _role_word(word) or _is_group(word):
            return False  # "Scientists say", "Officials expressed": a group, not a common word
        if sources.lookup(self.article.registry, word) or word in sources.nationality_words() or _surname_like(word):
            return False
        lower = word.lower()
        if lower.endswith(("ly", "ing")):
            self.article.register_window(self.number, 2)
            return self.article._short_form(word) is None  # ("Hosking says" after "Professor Peter Hosking")
        if lower in _LEADING_ADVERBIAL_WORDS or lower in _SENTENCE_ADVERBS or lower in _OPENING_ADVERBS:
            return True
        texts = self.article.texts.values()
        if not any(lower in text for text in texts):  # substring tests first: the patterns need the word
            return False
        pattern = re.compile(rf"(?<![\w-]){re.escape(lower)}(?![\w-])")
        if not any(pattern.search(text) for text in texts if lower in text):
            return False
        named = re.compile(rf"[a-z,]\s+{re.escape(word)}(?![\w-])")  # "Jeremy Young": a name elsewhere
        return not any(named.search(text) for text in texts if word in text)

    def _document_owner(self, noun: str, position: int, pattern: re.Pattern | None = None) -> tuple[str, int] | None:
        """For "the statement": the subject of the sentence, in this paragraph or the one before, that introduced
        "a statement" ("The Chinese embassy in Canberra has responded ..., releasing a statement claiming ...");
        ``pattern``: how the document was introduced, if not so."""
        pattern = pattern or _document_introduction(noun)
        found = None
        for match in pattern.finditer(self.masked, 0, position):
            found = match
        if found is not None:
            if any(hit.entity.document and found.start() <= hit.position < found.end() for hit in self.hits):
                return None  # "..., a white paper said": the document spoke for itself
            issuer = _issuer_after(self.masked, found.end())
            if issuer is not None:  # "in a notice, released by the State Council's Joint Prevention ... Mechanism"
                return issuer
            if _CITED_BEFORE.search(self.masked, 0, found.start()):
                return None  # "..., according to a study": the sentence's subject did not write the study
            sentence = self.sentence_of(found.start())
            speaker = next((hit for hit in reversed(self.hits) if sentence[0] <= hit.cue_start < found.start()
                            and not hit.entity.document and not hit.relay), None)
            if speaker is None and _OPENING_IN.fullmatch(self.masked, sentence[0], found.start()):
                speaker = next((hit for hit in self.hits if found.end() <= hit.cue_start < sentence[1]
                                and not hit.entity.document and not hit.relay), None)  # "In a statement, X said"
            if speaker is not None:  # "the Ministry of Commerce (MOC) said Wednesday in a statement": who said it
                return speaker.entity.name, speaker.position
            subject = self._clause_subject(sentence[0], found.start())
            return subject if subject is not None and _is_cap(subject[0].split()[-1]) else None
        index = self.article.index_of.get(self.number, 0)
        if index == 0:
            return None
        text = self.article.texts[self.article.order[index - 1]]
        found = None
        for match in pattern.finditer(text):
            found = match
        if found is None:
            return None
        issuer = _issuer_after(text, found.end())
        if issuer is not None:
            return issuer[0], position  # named in the paragraph before: credited at the document's place
        if _CITED_BEFORE.search(text, 0, found.start()):
            return None
        head = text[:found.start()]
        head = head[max(head.rfind(". ") + 2 if ". " in head else 0, head.rfind("\x01") + 1):]
        if _OPENING_IN.fullmatch(head):  # "But in a written submission to the committee ..., Dfat says"
            after = text[found.end():]
            subject = _leading_np(after[after.find(",") + 1:]) if "," in after[:200] else None
            return (subject[0], position) if subject is not None and _is_cap(subject[0].split()[-1]) else None
        for segment, _ in _segments_of(head):
            first = segment.split()[0].lower() if segment.split() else ""
            if first in _LEADING_ADVERBIAL_WORDS:
                continue
            subject = _leading_np(_strip_clause_words(segment))
            if subject is not None and _is_cap(subject[0].split()[-1]):
                return subject[0], position  # named in the paragraph before: credited at the document's place
            return None
        return None

    def _earlier_document_speaker(self, noun: str, where: tuple[int, int], phrase: str,
                                  after: tuple[int, int] | None = None) -> Entity | None:
        """For "the report" far from where it was introduced: the source credited with a cue right next to "its
        report" / "a report" in an earlier paragraph ("... the Australian Strategic Policy Institute said, in its
        report, ..." five paragraphs before "the report found"), or its author named there ("Dixon Hall released
        preliminary findings", "a study by Civic Action"). ``after``: look only at paragraphs after this mention
        (of the document last cited), as a newer document of the same kind replaces it."""
        pattern = _document_introduction(noun, capitalised=True)
        index = self.article.index_of.get(self.number, 0)
        for number in reversed(self.article.order[:index]):
            if after is not None and number <= after[0]:
                return None
            text = self.article.texts[number]
            found = None
            for match in pattern.finditer(text):
                found = match
            if found is None:
                continue
            if _CITED_BEFORE.search(text, 0, found.start()):
                return None
            near = [(abs(cue_start - found.start()), entity) for (seen, cue_start), entity in self.article.last_speakers
                    if seen == number and abs(cue_start - found.start()) <= _DOCUMENT_TO_CUE and not entity.document]
            if near:
                entity = min(near, key=lambda pair: pair[0])[1]
            else:
                author = _document_author(text, found)
                if author is None:
                    return None
                entity = self.article.entity_for_name(author[0], "", (number, author[1]), author[0])
            self.article.remember_document(noun, entity)
            return self.article.touch(entity, where, phrase)
        return None

    def _role_subject_before(self, position: int) -> tuple[Entity, str] | None:
        """For "he"/"she" with no person before: an unnamed person's role phrase ("The foreign secretary", "The
        minister") that opens the sentence before, in this paragraph or at the end of the one before."""
        subject = self._previous_sentence_subject(position)
        if subject is None and self.sentence_of(position)[0] == 0:
            index = self.article.index_of.get(self.number, 0)
            if index:
                text = self.article.texts[self.article.order[index - 1]]
                last = _SENTENCE_END.split(text.strip())[-1]
                found = _leading_np(last)
                subject = (found[0], -1) if found is not None else None
        head = subject[0].split()[-1].lower() if subject is not None else ""
        plural = head.endswith("s") and head[:-1] in sources.role_words()  # "The officials arrived. He said"
        if subject is None or plural or not _ROLE_SUBJECT.fullmatch(subject[0]) or \
                sources.role_words().get(head, ("", ""))[1] not in ("role", "weak_role"):
            return None
        return self._resolve(subject[0], max(subject[1], 0), [])

    def _previous_sentence_subject(self, position: int) -> tuple[str, int] | None:
        """The subject phrase of the sentence before the one at ``position``, in this paragraph."""
        start = self.sentence_of(position)[0]
        if start == 0:
            return None
        previous = self.sentence_of(start - 1)
        return self._clause_subject(previous[0], previous[1])

    def _plural_subject_before(self, position: int) -> tuple[Entity, str] | None:
        """For "they" with no group quoted before: a plural group that is the subject of its own clause earlier in
        the sentence ("Republican senators are eager ..., and they say") or of the sentence before."""
        for subject in (self._clause_subject(self.sentence_of(position)[0], position),
                        self._previous_sentence_subject(position)):
            if subject is None or subject[1] >= position or subject[0].lower() in _PRONOUNS:
                continue
            head = _bare(subject[0].split()[-1])
            if _is_group(subject[0]) or (head[:1].isupper() and head.endswith("s") and len(subject[0].split()) >= 2
                                         and subject[0].split()[0] in ("The", "the")):  # "The Conservatives"
                return self._resolve(subject[0], subject[1], [])
        previous = self.article.texts.get(self.number - 1, "") if self.sentence_of(position)[0] == 0 else ""
        if previous:  # "Xi Jinping and Barack Obama held talks on Friday." / "They agreed that ...": the subject of
            opening = _sentence_bounds(previous)[-1][0]  # the last sentence of the paragraph before
            clause = _strip_clause_words(previous[opening:])
            found = _leading_np(clause)
            rest = clause[found[1] + len(found[0]):] if found is not None else ""
            second = _leading_np(rest[5:]) if rest.startswith(" and ") else None
            if found is not None and second is not None and _split_name(found[0])[0] and _split_name(second[0])[0]:
                first, other = self._resolve(found[0], 0, []), self._resolve(second[0], 0, [])
                if first is not None and other is not None and first[0] is not other[0]:
                    surface = f"{found[0]} and {second[0]}"
                    return self.article.joint([first[0], other[0]], "", (self.number, 0), surface), surface
            if found is not None and _is_group(found[0]) and not rest.startswith(" and "):
                return self._resolve(found[0], 0, [])
        return None

    def _previous_organisation_subject(self, position: int) -> tuple[Entity, str] | None:
        """For "It said": the organisation that is the subject of the sentence before, in this paragraph
        ("The WHO's office in China did not respond ... It said in a statement")."""
        subject = self._previous_sentence_subject(position)
        if subject is None or subject[0].lower() in _PRONOUNS:
            return None
        phrase = subject[0]
        words = phrase.split()
        cut = next((i for i, word in enumerate(words) if i and word in ("in", "of", "at", "for", "on")), len(words))
        head = _bare(words[cut - 1]).lower()  # "office" of "The WHO's office in China"
        known = sources.lookup(self.article.registry, _LEADING_ARTICLE.sub("", phrase))
        if not (known is not None and known.kind == "org" or sources.role_words().get(head, ("", ""))[1] == "org"):
            return None
        return self._resolve(phrase, subject[1], [])

    def _add(self, resolved, cue: str, position: int, cue_start: int, relay: bool = False,
             embedded: bool = False) -> None:
        if resolved is None:
            return
        entity, mention = resolved
        if "\x01" in entity.name:
            return  # a name read across a masked quotation ('encouraged by "pan-democratic" politicians'): a misparse
        entity.spoke = True
        if entity.kind == "person" and not entity.gender and position < cue_start and mention.lower() not in _PRONOUNS \
                and self.masked.startswith(cue, cue_start):
            own = _PRONOUN_AFTER_CUE.match(self.masked, cue_start + len(cue))  # "Jayme said she knew": a woman
            if own:
                entity.gender = _PRONOUNS[own.group(1)]
        self.hits.append(_Hit(entity, mention, cue, position, cue_start, relay, embedded))
        self.article.last_speakers.append(((self.number, cue_start), entity))

    # -- cue kinds

    def _verb_cue(self, match: re.Match, cue: Cue) -> None:
        start, end = match.span()
        form = match.group(0)
        sentence_start, sentence_end = self.sentence_of(start)
        left = self.masked[max(sentence_start, start - 400):start]
        if form.lower() == "saying" and _is_saying_noun(left):
            return  # "As a Chinese saying goes": a proverb, no speaker
        compound = _NAMED_COMPOUND_BEFORE.search(left[-40:]) if form.lower() in _NOUN_VERB_FORMS else None
        if compound and compound.group(1) not in sources.nationality_words() and not compound.group(1).isupper():
            return  # "the Brereton report": a noun named after someone, no verb ("the US claim" is the US's)
        if form.lower().startswith("agree") and _AGREE_TO.match(self.masked, end):
            return  # "demand that Taipei agree to its 'one China' policy": consent to an act, no statement
        if form.lower() == "alleged" and _ADJECTIVE_SLOT.search(left[-40:]):
            return  # "the alleged abuses", "Australian alleged drug smuggler Karm Gilespie": an adjective
        if form.lower() == "called" and _NAMED_AFTER.match(self.masked, end):
            return  # "a restaurant in Old Town - called Azur -": a name given, not a statement
        if form.lower().endswith("ed") and not self.masked[end:].strip() and len(self.masked) < 60 and \
                not any(mark in self.masked for mark in ".,;:!?\x01"):
            return  # a headline's past participle is passive: "Fabrication denounced", "Proposal rejected"
        if _QUESTION_OPENING.match(self.masked, sentence_start) and not _CLAUSE_INSIDE_QUESTION.search(left) and \
                self.masked[sentence_start:sentence_end].rstrip().endswith("?"):
            return  # "But who said every kangaroo has to be the same?", "Is the government suggesting ...?": asked,
            # unless a clause inside the question reports ("Is it possible that Beijing heard Payne when she said")
        if form.lower() in ("reported", "confirmed", "recorded") and _COUNTED_CASES_BEFORE.search(left[-60:]):
            return  # "17 new confirmed cases of COVID-19 reported on March 5": a participle, no speaker
        relayed = form.lower() == "saying" and ("quoted" in left or "cited" in left)
        passive = _QUOTED_PASSIVE.search(left) if relayed else \
            _PASSIVE_AUXILIARY_END.search(left) if form.lower() == "quoted as saying" else None
        if passive:  # "anonymous government sources were quoted in Australian media as saying": the subject
            subject = self._subject_before(left[:passive.start()], "quoted as saying")
            if subject is not None:
                position = start - len(left) + subject[1]
                written = "cited as saying" if "cited" in passive.group(0) else "quoted as saying"
                self._add(self._resolve(subject[0], position, subject[2]), written, position, start)
                return
        quoted = _QUOTED_AS.search(left) if relayed and not passive else None
        if quoted:  # "BuzzFeed quoted Greenwald as saying": the one quoted, and the one who quotes
            found = _leading_np(quoted.group(2))
            if found is not None:
                if quoted.group(1) == "quoted":  # a "cited" relayer is found by its own cue
                    quoter = self._subject_before(left[:quoted.start()], "quoted")
                    if quoter is not None:
                        at = start - len(left) + quoter[1]
                        self._add(self._resolve(quoter[0], at, quoter[2]), "quoted", at,
                                  start - len(left) + quoted.start(), relay=True)
                position = start - len(left) + quoted.start(2) + found[1]
                rest = quoted.group(2)[found[1] + len(found[0]):].lstrip(" ,").split(",")[0].strip()
                descriptors = [rest] if rest and _is_descriptor(rest) else []  # "Harm van Bakel, a geneticist at"
                self._add(self._resolve(found[0], position, descriptors), f"{quoted.group(1)} as saying", position,
                          start)
                return
        right = self.masked[end:sentence_end]
        inverted = cue.inverts and left.rstrip().endswith((",", "\x01"))
        quote_before = (right.strip(" .") == "" or _ADVERBIAL_AFTER_CUE.match(right)) and \
            _QUOTE_BEFORE_SUBJECT.search(self.masked, max(0, start - 80), start)  # '"...," Sinclair concludes.',
        # '"...?" Lincicome asked before going off' (a quote ending in "?" closes its own sentence)
        passive_by = cue.passive_agent and right.startswith(" by ") and _PASSIVE.search(left.rstrip()[-12:]) is not None
        as_agent = right.startswith(" by ") and form[-2:].lower() == "ed" and _AS_BEFORE.search(left[-6:]) is not None
        # ("..., as suggested by the government": the agent said it, whatever the verb)
        # "..., Reuters reports." / "..., an Australian thinktank has found.": the content came before the comma
        content_before = (cue.needs_that or cue.needs_that_word) and (
            not right.strip(" .!?)") or _PARTICIPLE_AFTER_CUE.match(right)) and \
            _content_then_subject(left)
        if content_before and form == "reports" and _is_byline_name(left[left.rfind(",") + 1:].strip(),
                                                                   self.article.registry):
            return  # a standfirst's "..., Fang Aiqing reports.": the writer of the article, no source
        counted = left.rsplit(None, 1)[-1] if form[-1] == "s" and left[-1:] == " " and left.strip() else ""
        if counted[-1:].isdigit() and counted.replace(",", "").isdigit():
            return  # "tracked nearly 700,000 tweets": a counted noun (not "posted on July 23, says")
        if cue.needs_that and form[-1] == "s" and _plural_noun_use(left, right):
            return  # "Media reports had revealed", "its member states", "Some estimates suggest": a noun
        clause_after = (cue.needs_that or cue.needs_that_word) and (_FINITE_CLAUSE_AFTER.match(right) or (
            _PAST_CLAUSE_AFTER.match(right) and _FINDINGS_BEFORE.search(left[-60:]) is not None))  # "The study
        # found the virus evolved in bats"
        fronted = right.startswith(",") and "As " in left and _FRONTED_AS.search(left) is not None  # "As Deng
        # Xiaoping predicted,"
        if cue.needs_that and not inverted and not fronted and not as_agent and not _THAT_AFTER.match(right) and not (
                cue.needs_that_word and clause_after) and not quote_before and not passive_by and not content_before \
                and not (cue.takes_clause and not form.endswith("ing") and _OBJECT_CLAUSE_AFTER.match(right)
                         and not _PREPOSITIONAL_OBJECT_BEFORE.search(left[-80:])
                         and not _SUBORDINATE_SUBJECT_BEFORE.search(left[-80:])):
            return  # (but "has been touted by Donald Trump as ...": a passive names its speaker)
        if cue.needs_that_word and not _THAT_WORD_AFTER.match(right) and not clause_after \
                and not quote_before and not content_before and not fronted:  # '"...," the report found.'
            return
        if cue.stance == "evaluative" and _NOT_SPEECH_OBJECT.match(right):
            return
        if _MODAL_BEFORE.search(left[-24:]) and form.islower():
            return  # "China will respond", "Australia would respond": what may be said, no statement
        participle = form.split(None, 1)[0].lower().endswith("ing")  # "saying", "calling on", "pointing out"
        absolute = _WITH_SUBJECT.search(left) if participle else None
        if absolute and absolute.group(1).split()[-1].lower() not in _PREPOSITIONS:  # not "agrees with X in saying"  # "..., with the education minister, Dan Tehan, saying ...": the subject of "with"
            self._with_subject(absolute, form, start - len(left))
            return
        if participle and (_PARTICIPLE_LEAD.search(left[-12:]) if form.lower().endswith("ing") else
                           left.rstrip().endswith(",")):
            previous = []
            for hit in reversed(self.hits):
                if hit.cue_start < sentence_start:
                    break
                if hit.cue_start < start and (not hit.relay or form.lower() in ("citing", "quoting")):
                    previous.insert(0, hit)  # (", Reuters reported, citing": the outlet cites)
            if previous:
                self._add((previous[-1].entity, previous[-1].mention), form, previous[-1].position, start)
                return
            subject = self._clause_subject(sentence_start, start)
            if subject:
                self._add(self._resolve(subject[0], subject[1], []), form, subject[1], start)
            if subject or not _ISSUED_DOCUMENT.search(left[-80:]):  # "issued a statement on Tuesday, saying"
                return
        issued = _ISSUED_DOCUMENT.search(left[-80:]) if participle else None
        if issued:  # "The embassy issued a statement confirming that ...": the subject of "issued"
            before = left[:len(left) - len(left[-80:]) + issued.start()].rstrip()
            while _may_end_in_noise(before) and _TRAILING_NOISE.sub("", before) != before:
                before = _TRAILING_NOISE.sub("", before)  # "The ... office also published a notice Tuesday saying"
            subject = (self._appositive_subject(before) if before.endswith(",") else self._subject_before(before, form)) \
                if before else None
            if subject is not None:
                position = start - len(left) + subject[1]
                self._add(self._resolve(subject[0], position, subject[2]), form, position, start)
            return
        head, stripped = left[:-160], left[-160:]
        while _may_end_in_noise(stripped):
            reduced = _TRAILING_NOISE.sub("", stripped)
            if reduced == stripped:
                break
            stripped = reduced
        stripped = (head + stripped).rstrip()
        if stripped.endswith(")"):  # "Marise Payne (inset) said", "Cai Dongfan (1877-1945) once said": an aside
            stripped = _CAPTION_ASIDE.sub("", stripped)
        dashed = ""  # an aside set off by dashes: "Mayor Bill de Blasio -- who announced ..., even before ... --
        if stripped.endswith(("--", "\u2014")):  # said", "Suu Kyi - one of the ... - replied": the subject before it
            opening = max(stripped.rfind("--", 0, len(stripped) - 2), stripped.rfind("\u2014", 0, len(stripped) - 1))
            if opening > 0:
                dashed = stripped[opening:].strip("-\u2014 ")
                stripped = stripped[:opening].rstrip()
        recent = stripped[-200:]
        listed = _GROUP_OF_PLACES.search(recent) if " and " in recent and _GROUP_WORD.search(recent) else None
        if listed and self._add_each_place(listed, form + self._recipient(form, right),
                                           start - len(left) + len(stripped) - len(recent), start):
            return  # "officials from China, Russia and the European Union chided": one record for each
        source = _data_source(stripped) if form.lower() in ("show", "shows", "showed", "shown") else None
        if source is not None:  # "health ministry figures showed", "the bureau's data show": the data's source
            position = start - len(left) + source[1]
            self._add(self._resolve(source[0], position, [source[2]]), form, position, start)
            return
        aside = _AND_ASIDE.search(stripped[-60:]) if stripped.endswith(",") else None
        if aside:  # "China has been resisting an inquiry and, under pressure, says": the aside set off by commas
            stripped = stripped[:len(stripped) - len(stripped[-60:]) + aside.start()] + " " + aside.group(1)
        if stripped.endswith("to") and _REQUESTED_OF.search(stripped[-80:]):
            return  # "urging them to denounce racism": asked of someone, not said
        prompted = _PROMPTED_TO.search(stripped[-120:]) if stripped.endswith("to") else None
        if prompted:  # "The move prompted the trade minister, Simon Birmingham, to rebuke": the one prompted spoke
            phrase = prompted.group(1).strip(" ,")
            named = _ROLE_THEN_NAME.match(phrase)
            found = (named.group(1), named.start(1)) if named else _leading_np(phrase)
            if found is not None:
                position = start - len(left) + len(stripped) - len(stripped[-120:]) + prompted.start(1) + found[1]
                self._add(self._resolve(found[0], position, [phrase] if named else []), form, position, start)
            return
        if stripped.endswith(("to", "self", "selves")):  # "were quick to say", "The lab itself says"
            stripped = _INTENSIFIER.sub("", _QUICK_TO.sub("", stripped))
            catenative = _catenative().search(stripped) if stripped.endswith("to") else None
            if catenative:  # "Simon Birmingham also used a television interview on Sunday to accuse"
                stripped = stripped[:catenative.start()]
                while _may_end_in_noise(stripped) and _TRAILING_NOISE.sub("", stripped) != stripped:
                    stripped = _TRAILING_NOISE.sub("", stripped)
        progressive = form.split()[0].lower().endswith("ing")  # "has been rejecting": active; and "could be
        # repeating mistakes made by" names no agent
        passive = as_agent or (_may_be_passive(stripped[-12:]) and _PASSIVE.search(stripped[-12:]) is not None
                               and not progressive) or (
            form.endswith("ed") and (not stripped.strip() and form[:1].isupper()  # "Described by Xinhua as ..."
                                     or stripped.endswith(",") and right.startswith(" by ")  # "..., described by"
                                     and cue.passive_agent
                                     or right.startswith(" as ") and _BY_AGENT.match(right) is not None
                                     and _REDUCED_PASSIVE_HEAD.search(stripped[-40:]) is not None))
        # ("a theory rejected as "extremely unlikely" by X": the agent characterised it)
        if form.lower() == "reporting" and stripped.strip() in ("", "Additional"):
            return  # a byline: "Additional reporting by Lillian Yang"
        agent = _BY_AGENT.match(right) if passive and not progressive or cue.lemma == "report" else None
        if agent:
            found = _leading_np(right[agent.end():])
            if found is not None:
                position = end + agent.end() + found[1]
                listed = right[agent.end() + found[1] + len(found[0]):]
                more = _more_agents(listed)
                characterised = listed[more[-1][1] + len(more[-1][0]) if more else 0:].startswith(" as ")
                # "described by an Australian minister as "threats"": the agent's own words, not a relay's
                self._add(self._resolve(found[0], position, []), form + " by", position, start, relay=not characterised)
                for phrase, offset in more:
                    position = end + agent.end() + found[1] + len(found[0]) + offset
                    self._add(self._resolve(phrase, position, []), form + " by", position, start,
                              relay=not characterised)
            return
        if passive:
            opening = _IN_THE_DOCUMENT.match(self.masked, sentence_start, start)
            if opening and (right.startswith(" as ") or form.lower() == "said" and right.startswith(" to ")):
                # "In the report, local and provincial officials are described as acting decisively", "In the
                # report, the WHO is said to have been kept informed": the report characterises them
                position = opening.start(1)
                self._add(self._resolve(opening.group(1), position, []), form, position, start)
            return
        if progressive:  # "China has been rejecting": the subject before the auxiliaries
            reduced = _PROGRESSIVE_AUXILIARY.sub("", stripped)
            if reduced == stripped and stripped.endswith(" be"):
                return  # "could be repeating mistakes": what may happen, no statement
            stripped = reduced
        if stripped.endswith(("and", "but")) and _COORDINATED_VERB.search(stripped[-12:]):
            previous = next((hit for hit in reversed(self.hits) if sentence_start <= hit.cue_start < start
                             and not hit.relay and not hit.embedded), None)
            if previous is not None:  # "X told the Guardian '...', but said": the same X
                self._add((previous.entity, previous.mention), form + self._recipient(form, right), previous.position,
                          start)
                return
        tail = stripped[-30:]
        adverb = _ADVERB_BETWEEN_COMMAS.search(tail) if tail.count(",") >= 2 else None
        if adverb and adverb.group(1) in _SENTENCE_ADVERBS:  # "Scheer, however, said"
            stripped = stripped[:len(stripped) - len(tail) + adverb.start()]
        if not stripped.strip() or stripped.endswith(("\x01", ",", ":")):
            subject = None
            if stripped.endswith(","):
                # two people, each credited: "Morrison and his Japanese counterpart, Yoshihide Suga, announced",
                # "both Sajid Javid, the former chancellor, and Sir John Sawyers, the former diplomat ..., said",
                # "Both Leung and Ip Kwok-him, a member from the Democratic Alliance ..., stressed"
                pair = _NAME_AND_COUNTERPART.match(stripped) or (
                    _TWO_DESCRIBED_NAMES.search(stripped) if " and " in stripped else None)
                if pair is not None and pair.re is _TWO_DESCRIBED_NAMES and " " not in pair.group("first") + \
                        pair.group("second") and not pair.group(0).lstrip(" ,").lower().startswith("both"):
                    pair = None  # one-word names need "both"
                described = pair is not None and pair.re is _TWO_DESCRIBED_NAMES and pair.group("first_role")
                if pair and (pair.re is _NAME_AND_COUNTERPART or (not described or _is_descriptor(described))
                             and _is_descriptor(pair.group("role"))
                             and pair.group("role").split()[0].lower() not in _RELATIVES):
                    base = start - len(left)
                    first = self._resolve(pair.group("first"), base + pair.start("first"),
                                          [described] if described else [])
                    second = self._resolve(pair.group("second"), base + pair.start("second"), [pair.group("role")])
                    if first is not None and second is not None and first[0] is not second[0]:
                        surface = stripped[pair.start("first"):].rstrip(" ,")
                        joint = self.article.joint([first[0], second[0]], "", (self.number, base + pair.start()),
                                                   surface)
                        self._add((joint, surface), form + self._recipient(form, right), base + pair.start(), start)
                        return
                including = _INCLUDING.search(stripped)
                if including:  # "Critics, including Joe Biden, denounced": the group and each one named
                    self._add_including(including, form + self._recipient(form, right), start - len(left), start)
                    return
                subject = _opening_name_subject(stripped) or self._appositive_subject(stripped) or \
                    self._named_after_role(stripped) or \
                    self._relative_clause_subject(self._merge_parentheses(self._segments(stripped), stripped)) or \
                    _document_subject(stripped) or _name_of_body_before_comma(stripped, right) or \
                    _stray_comma_subject(stripped)
            if subject is None and (cue.inverts or not stripped.strip(" ,\x01") and _QUOTATION_THEN_CUE.search(
                    self.text, max(0, start - 4), start)):
                self._inverted(match, form, right)  # ('"We will fight to the end," vowed Joshua Wong': any verb
                return  # inverts after a quotation)
            if subject is None:
                return
        else:
            time_lead = _TIME_LEAD.match(stripped) if sentence_start >= start - 400 else None
            if time_lead:  # "This month Australian researchers", "Earlier this week relatives of the victims"
                stripped = " " * time_lead.end() + stripped[time_lead.end():]
            ending = stripped[-80:]  # "if the US agreed that ...": no statement was made (substring tests first: faster)
            if ("if" in ending or "If" in ending or "nless" in ending or "hether" in ending) and \
                    _HYPOTHETICAL.search(ending):
                return
            listed = _titled_name_list(stripped) if stripped.count(",") >= 2 and " and " in stripped[-80:] else None
            if listed is not None:  # "the former Nato secretary general Anders Fogh Rasmussen, the former president
                base = start - len(left)  # of Poland Aleksander Kwasniewski and ... Carl Bildt argue": each of them
                members = [self._resolve(phrase, base + at, []) for phrase, at in listed]
                if all(member is not None for member in members) and len({id(m[0]) for m in members}) == len(members):
                    surface = stripped[listed[0][1]:].strip()
                    joint = self.article.joint([member[0] for member in members], "",
                                               (self.number, base + listed[0][1]), surface)
                    self._add((joint, surface), form + self._recipient(form, right), base + listed[0][1], start)
                    return
            company = _NAME_AND_COMPANY.search(stripped[-120:]) if " and " in stripped[-120:] else None
            if company and (company.start() > 0 or len(stripped) <= 120):  # "Emabarek and his team said": both
                base = start - len(left) + len(stripped) - len(stripped[-120:])
                first = self._resolve(company.group("first"), base + company.start("first"), [])
                second = self._resolve(company.group("second"), base + company.start("second"), [])
                if first is not None and second is not None and first[0] is not second[0]:
                    for resolved, at in ((first, company.start("first")), (second, company.start("second"))):
                        self._add(resolved, form + self._recipient(form, right), base + at, start)
                    return
            parenthetical = _PARENTHETICAL_SOURCE.search(stripped) if right.startswith(",") else None
            found = _leading_np(parenthetical.group(1)) if parenthetical else None
            relative = _DOCUMENT_RELATIVE.search(stripped[-160:]) if stripped.endswith(("that", "which")) and \
                form.lower() in _DOCUMENT_SPEECH and not _NEGATED_BEFORE.search(stripped[-160:]) else None
            if found is not None and found[0] == parenthetical.group(1).strip():
                subject = found[0], parenthetical.start(1), []  # "Schwarzman, the magazine said, first started"
            elif relative:  # "a resolution which stated that ...": the document speaks, or who issued it ("The
                base = len(stripped) - len(stripped[-160:])  # Chamber issued a statement which says"), or its named
                before = stripped[:base + relative.start(1)].rstrip()  # owner ("a CNN report that said")
                issued = _ISSUED_DOCUMENT.search(stripped[max(0, base + relative.start(1) - 80):base + relative.end(1)])
                issuer = self._subject_before(before[:len(before) - len(before.split()[-1])].rstrip(), form) \
                    if issued and before.split() and before.split()[-1] in ("issued", "released", "published") else None
                owner = _CAPITALISED_OWNER.match(relative.group(1))
                if issuer is not None:
                    subject = issuer
                elif owner:
                    subject = owner.group(1), base + relative.start(1) + owner.start(1), []
                else:
                    subject = relative.group(1), base + relative.start(1), []
            else:
                others = _AND_OTHERS.search(stripped[-120:])
                if others:  # "the WHO and other international organizations called on": the one named
                    subject = others.group(1), len(stripped) - len(stripped[-120:]) + others.start(1), []
                    self._add(self._resolve(subject[0], subject[1], []), form + self._recipient(form, right),
                              start - len(left) + subject[1], start)
                    return
                what = _WHAT_SUBJECT.search(stripped[-80:])
                if what and (what.group(1) == "I" or what.group(1).startswith("the ") and not (
                        _role_word(what.group(1).split()[-1]) or what.group(1).split()[-1].endswith("s"))):
                    what = None  # "what I wrote": the writer; "what the name says": no source
                subject = (what.group(1), len(stripped) - len(stripped[-80:]) + what.start(1), []) if what else \
                    _opening_name_subject(stripped) or self._subject_before(stripped, form)
            if subject is None and _CLAUSE_CONTINUES.match(right):  # "accounts the social media site says are"
                subject = _relative_clause_speaker(stripped)
            owned = _WHICH_THEN_SPEAKER.search(stripped[-60:]) if subject is None else None
            if owned and _role_word(owned.group(1).split()[-1]):  # "taxes ..., which Australia's trade minister
                subject = owned.group(1), len(stripped) - len(stripped[-60:]) + owned.start(1), []  # said make"
            if subject is not None and subject[0].lower() in _QUANTIFIER_PRONOUNS:
                rest = stripped[subject[1]:].strip()  # "Another study claimed", "One study found": the study,
                subject = (rest, subject[1], []) if _A_DOCUMENT.match(rest) else None  # never the bare pronoun
            if subject is None:
                subject = _document_subject(stripped)
            if subject is None and "," in stripped and not right.strip(" .!?"):  # "Almost a third of doctors lack
                comma = stripped.rfind(",") + 1  # masks, a survey released recently said."
                document = _document_subject(stripped[comma:])
                subject = (document[0], comma + document[1], document[2]) if document else None
            if subject is None:
                modified = self._post_modified_subject(stripped, form, right)
                if modified is not None:
                    position = start - len(left) + modified[1]
                    entity = self.article.entity_for_quantified(modified[0], (self.number, position))
                    self._add((entity, modified[0]) if entity else None, form + self._recipient(form, right),
                              position, start)
                return
        if subject is None:
            return
        phrase, offset, descriptors = subject
        if dashed and dashed.split()[0].lower() not in _RELATIVES and _is_descriptor(dashed):
            descriptors = [*descriptors, dashed]  # "Australian Grape & Wine - a group representing producers -"
        position = start - len(left) + offset
        resolved = self._resolve(phrase, position, descriptors)
        if resolved is not None and left[:offset].endswith("and "):
            resolved = self._joint_subject(left[:offset], start - len(left), resolved)
        elif resolved is not None and " and " in phrase and _is_country_name(phrase.rpartition(" and ")[2]):
            resolved = self._joint_countries(left[:offset] + phrase.rpartition(" and ")[0] + " and ",
                                             start - len(left), resolved[0]) or resolved  # "Indonesia and Russia
            # said", "Australia, Japan and India said": one record each
        self._add(resolved, form + self._recipient(form, right), position, start, relay=cue.lemma == "report")

    def _add_each_place(self, listed: re.Match, cue: str, base: int, cue_start: int) -> bool:
        """One record for each country or registered body in "officials from A, B and C" (whose origins may
        differ); False, adding nothing, when an item is something else."""
        places = [(item.group(0), listed.start("list") + item.start())
                  for item in _LIST_ITEM.finditer(listed.group("list"))]
        if len(places) < 2 or not all(_is_country_name(name) or sources.lookup(self.article.registry, name) is not None
                                      for name, _ in places):
            return False
        for name, offset in places:
            self._add(self._resolve(name, base + offset, [listed.group("group")]), cue, base + offset, cue_start)
        return True

    def _add_including(self, including: re.Match, cue: str, base: int, cue_start: int) -> None:
        """Records for "<group>, including <A>, <B> and <C>," before a cue: the group, then each capitalised name."""
        head = including.group("head").strip()
        position = base + including.start("head")
        entity = self.article.entity_for_quantified(head, (self.number, position))  # "Several countries"
        self._add((entity, head) if entity else None, cue, position, cue_start)
        listed, offset = including.group("list"), 0
        for name in _LIST_SEPARATOR.split(listed):
            offset = listed.find(name, offset)
            if name and _is_cap(name.split()[0]) and name.split()[0] not in _NOT_NAMES:
                position = base + including.start("list") + offset
                self._add(self._resolve(name, position, []), cue, position, cue_start)

    def _joint_subject(self, before: str, base: int, resolved: tuple[Entity, str]) -> tuple[Entity, str]:
        """A named person subject coordinated with one or two names before it ("Summers and Pritchett write")
        becomes the joint source of all of them, each a person; anything else stays ``resolved``."""
        found = _JOINT_BEFORE.search(before)
        last, mention = resolved
        registered = _REGISTERED_BEFORE_AND.search(before) if last.known is not None and last.kind == "org" else None
        if registered and sources.lookup(self.article.registry, registered.group(1)) is not None:
            first = self._resolve(registered.group(1), base + registered.start(1), [])
            if first is not None and first[0] is not last:  # "Xinhua and CGTN reported": one record each
                surface = before[registered.start(1):] + mention
                return self.article.joint([first[0], last], "", (self.number, base + registered.start(1)), surface), \
                    surface
        if last.kind != "person" or (" " not in mention and mention.islower()):
            coordinated = self._coordinated_subject(before, base, resolved)
            if coordinated is not None:
                return coordinated
        if found is None or last.kind != "person" or not _split_name(mention)[0] or mention.endswith(")"):
            return resolved  # "Immigration and Customs Enforcement (ICE)": one body
        lead = before[:found.start()].split()
        if lead and (lead[-1].lower() in _PREPOSITIONS | {"between", "among", "and", "with", "the", "a", "an"}
                     or lead[-1].endswith(("'s", "'"))):
            return resolved
        members = []
        for index in (1, 2):
            name = found.group(index)
            if name is None:
                continue
            words = name.split()
            while len(words) > 1 and words[0] in _NOT_NAMES and words[0] not in _HONORIFICS:
                words = words[1:]  # "That Lam and Ip opposed", "Both Mr. Sudworth and Ms. Murray"
            name = " ".join(words)
            if not _split_name(name)[0] or name in _NOT_NAMES or name in sources.nationality_words():
                return resolved
            entity = self._resolve(name, base + found.start(index), [])
            if entity is None or entity[0].kind != "person" or entity[0] is last:
                return resolved
            members.append(entity[0])
        title = []
        for word in reversed([word.rstrip(",") for word in lead[-3:]]):
            if _role_word(word) or word.lower() in _ADJECTIVES or _is_cap(word):
                title.insert(0, word)
            else:
                break
        title_text = " ".join(title) if any(_role_word(word) for word in title) else ""
        surface = before[found.start():] + mention
        return self.article.joint(members + [last], title_text, (self.number, base + found.start()), surface), surface

    def _coordinated_subject(self, before: str, base: int, resolved: tuple[Entity, str]) -> tuple[Entity, str] | None:
        """Two organisations joined by "and" ("The African Union and the Africa Centre for Disease Control and
        Prevention encouraged"): their joint source, one record each; a plural role joined to a modified plural role
        ("US diplomats and scientists raised concerns"): one group; else None."""
        last, mention = resolved
        head = before.rstrip()
        if not head.endswith(" and"):
            return None
        prior = _trailing_np(head[:-4])
        if prior is None:
            return None
        phrase, inner = prior
        whole = f"{phrase} and {mention}"
        if " " not in mention and mention.islower() and _is_group(mention) and " " in phrase and \
                _is_group(phrase.split()[-1]):
            entity = self.article.entity_for_role(whole, (self.number, base + inner))
            return (entity, whole) if entity is not None else None
        if last.kind == "org" and mention.split()[0] in ("the", "The"):
            joint = self._joint_organisations(whole, base + inner)
            if joint is not None:
                return joint
        if _is_country_name(mention):
            return self._joint_countries(before, base, last)
        return None

    def _joint_countries(self, before: str, base: int, last: Entity) -> tuple[Entity, str] | None:
        """"France and New Zealand criticised", "Australia, Japan and India said": one record per country."""
        found = _JOINT_BEFORE.search(before)
        if found is None or not all(_is_country_name(found.group(index)) for index in (1, 2) if found.group(index)):
            return None
        lead = before[:found.start()].split()
        while len(lead) > 1 and (lead[-1].lower() == "the" or lead[-1].endswith(",") and lead[-1][:1].isupper()):
            lead = lead[:-1]  # "the US and Australia", "from the US, the UK and": the word before the list decides
        listed = _LISTED_AFTER.search(before, 0, found.start())
        if lead and lead[-1].lower() in (_PREPOSITIONS - {"after", "before"}) | {"between", "among", "and"} \
                or listed and _IN_PHRASE_BEFORE_LIST.search(before, 0, listed.start()):
            return None  # "talks between China and the US", "carmakers in China and Germany", "parliamentarians
            # from countries including the US, UK, Italy and Norway" (but "countries including the US and Australia
            # had called for": the countries listed are the subject)
        members = []
        for index in (1, 2):
            if found.group(index):
                entity = self._resolve(found.group(index), base + found.start(index), [])
                if entity is None or entity[0] is last:
                    return None
                members.append(entity[0])
        surface = before[found.start():].rstrip() + " " + last.name
        return self.article.joint(members + [last], "", (self.number, base + found.start()), surface), surface

    def _with_subject(self, absolute: re.Match, form: str, base: int) -> None:
        """Credit the noun phrase of "with <NP> saying/finding": a role and a name set off by commas give the
        name with the role as its description."""
        phrase = absolute.group(1).rstrip(" ,")
        role, _, name = phrase.rpartition(",")
        if role and _split_name(name.strip())[0] and _is_role_description(_LEADING_ARTICLE.sub("", role.strip())):
            offset = absolute.start(1) + phrase.rfind(name.strip())
            self._add(self._resolve(name.strip(), base + offset, [role.strip()]), form, base + offset,
                      base + absolute.end())
            return
        found = _leading_np(phrase)
        rest = phrase.strip()[len(found[0]):].split(None, 1) if found is not None else ["?"]
        if found is not None and (not rest or rest[0].lower() in _LINKS  # "a spokesperson for the camp"
                                  or len(rest) == 1 and _is_adverb(rest[0])):  # "its diplomats sometimes"
            offset = absolute.start(1) + found[1]
            self._add(self._resolve(found[0], base + offset, []), form, base + offset, base + absolute.end())

    def _recipient(self, form: str, right: str) -> str:
        if form.lower() not in ("told", "tells", "tell"):
            return ""
        recipient = _RECIPIENT.match(right)
        return " " + recipient.group(1).strip() if recipient else ""

    def _inverted(self, match: re.Match, form: str, right: str) -> None:
        rest = _LEADING_ADVERBIAL.sub("", right, count=1)
        offset = len(right) - len(rest)
        found = _leading_np(rest)
        titled = _INVERTED_NAME.match(rest)
        if titled and (found is None or not _split_name(found[0])[0] or len(found[0]) <= titled.start("name")) and \
                titled.group("title").split()[0].lower() not in _NOT_TITLE_START and \
                titled.group("title").split()[-1].lower() not in _CONNECTORS | _DETERMINERS | _PREPOSITIONS and \
                not {"his", "her", "their", "its"} & set(titled.group("title").split()):  # not "wrote Mandela in his
            # best-selling autobiography Long Walk to Freedom"
            name = titled.group("name")
            position = match.end() + offset + titled.start("name")
            self._add(self._resolve(name, position, [titled.group("title").strip() + " " + name]
                                    + self._appositives_after(rest[titled.end():])), form, position, match.start())
            return
        age = _AGE_LEAD.match(rest, len(rest) - len(rest.lstrip())) if found is None else None
        if age is not None and age.group(0)[:1] not in "tT":  # '"...," said 45-year-old villager Cao Jianguo':
            after = _leading_np(rest[age.end():])  # the age modifies the speaker after it
            if after is not None:
                position = match.end() + offset + age.end() + after[1]
                self._add(self._resolve(after[0], position, [f"{age.group(0)} {after[0]}"]
                                        + self._appositives_after(rest[age.end() + after[1] + len(after[0]):])),
                          form, position, match.start())
            return
        if age is not None:  # '"...," said the 75-year-old, who has lived ...'
            position = match.end() + offset + age.start()
            self._add(self._resolve(age.group(0), position, []), form, position, match.start())
            return
        if found is None:  # '"...," said a paper published in the New England Journal of Medicine'
            found = _inverted_document(rest)
        if found is None or found[0].split()[0].lower() in _PREPOSITIONS:  # "said on his Twitter account"
            return
        phrase, lead = found
        outlet = _IN_OUTLET.search(phrase)
        paper = sources.lookup(self.article.registry, outlet.group(1)) if outlet else None
        if paper is not None and paper.category.endswith("media") and _split_name(phrase[:outlet.start()])[0]:
            phrase = phrase[:outlet.start()]  # "wrote columnist Liu Zhun in the Global Times": the writer, not the paper
        following = rest[lead + len(phrase):].split(None, 1)
        if following and following[0] in _AUXILIARY_WORDS or _finite_verb_after_name(phrase, following):
            return  # "..., said Australia would suffer", "said the Council of Rulers held a meeting": the content's
            # subject, not an inverted speaker
        if following and following[0] == "to" and _REQUESTED_OF.search(f"{form} {phrase} to"):
            return  # "His book ..., urges Latin America to take a leadership role": who is asked, not who speaks
        if form == "reports" and _is_byline_name(phrase.split(" in ")[0], self.article.registry):
            return  # a standfirst's "..., reports Tang Yue in Beijing": the writer of the article
        position = match.end() + offset
        named = _NAME_AFTER_ROLE.match(rest, lead + len(phrase))
        if not named and not _split_name(phrase)[0] and _role_word(phrase.split()[-1]):
            phrase = _with_postmodifier(phrase, rest[lead + len(phrase):])  # "said a sales clerk at the store"
        if named and not _split_name(phrase)[0] and _role_word(phrase.split()[-1]):
            self._add(self._resolve(named.group(1), position + named.start(1) - lead, [phrase]), form,
                      position + named.start(1) - lead, match.start())
            return
        descriptors = self._appositives_after(rest[lead + len(phrase):])
        self._add(self._resolve(phrase, position, descriptors), form, position, match.start())

    def _appositives_after(self, rest: str) -> list[str]:
        appositive = _APPOSITIVE_AFTER.match(rest)
        if appositive and (_is_descriptor(appositive.group(1)) or appositive.group(1).startswith("of ") and
                           sources.organisation_word_in(appositive.group(1))):  # "said Wang Bin, of the National
            return [appositive.group(1).strip()]                               # Health Commission's Bureau ..."
        return []

    def _segments(self, text: str) -> tuple[tuple[str, int], ...]:
        return _segments_of(text)

    def _merge_parentheses(self, segments: tuple[tuple[str, int], ...], text: str) -> list[tuple[str, int]]:
        merged: list[tuple[str, int]] = []
        for segment, offset in segments:
            if segment.startswith("(") and merged:
                previous, previous_offset = merged[-1]
                merged[-1] = (text[previous_offset:offset + len(segment)], previous_offset)
            else:
                merged.append((segment, offset))
        return merged

    def _appositive_subject(self, stripped: str) -> tuple[str, int, list[str]] | None:
        segments = self._merge_parentheses(self._segments(stripped), stripped)
        continued = 0  # capitalised items continuing a title or place: "Minister of Innovation, Science and ...",
        # "a chocolate company based in Antigonish, N.S.,"
        while continued < 2 and len(segments) > continued + 2 and _is_title_continuation(segments[-1 - continued][0]):
            continued += 1
        if continued and _is_appositive(segments[-1 - continued][0].strip(), segments[-2 - continued][0]):
            merged_start = segments[-1 - continued][1]
            segments = segments[:-1 - continued] + [(stripped[merged_start:].rstrip(" ,"), merged_start)]
        if len(segments) < 2 or not _is_appositive(segments[-1][0].strip(), segments[-2][0]):
            return None
        descriptors = []
        index = len(segments) - 1
        while index > 0 and len(descriptors) < 3 and (
                _is_appositive(segments[index][0].strip(), segments[index - 1][0])
                or (descriptors and (_is_place(segments[index][0]) or _PARTY_STATE.match(segments[index][0])))):
            if segments[index][0].split()[0] not in ("a", "an") and all(
                    _is_adverbial_opener(segment) for segment, _ in segments[:index]):
                if not descriptors or _is_place(segments[index][0]):
                    return None  # (nor is "Indonesia" in "During a summit in Jakarta, Indonesia, dozens of ...")
                break  # "However, the minister, a veteran diplomat,": the minister is the subject, not a
                # description of "However" (but "In Yingcheng, a city west of Wuhan," describes the place)
            descriptors.insert(0, segments[index][0].strip())
            index -= 1
        for descriptor in descriptors:
            identified = _IDENTIFIED_AS.search(descriptor)
            if identified:
                offset = segments[index + 1][1]
                head = segments[index][0].strip()
                extra = [head] if _is_appositive(head) else []
                return identified.group(1), offset, extra + [d for d in descriptors if d is not descriptor]
        segment, offset = segments[index]
        found = _is_pure_np(segment)
        age = _AGE_PHRASE.fullmatch(" " + segment.rstrip()) if found is None and "-year-old" in segment else None
        if age:  # "The 34-year-old, who works in a tech company,"
            found = age.group(1), segment.find(age.group(1))
        time_lead = _TIME_LEAD.match(segment) if found is None else None
        if time_lead:  # "In May the Global Times, a Chinese state media outlet, said"
            found = _is_pure_np(segment[time_lead.end():])
            found = (found[0], time_lead.end() + found[1]) if found is not None else None
        if found is None:  # "Controversy erupted after John McCallum, Canada's ambassador to China, told ..."
            last = None
            for last in _SUBORDINATOR.finditer(segment):
                pass
            found = _is_pure_np(segment[last.end():]) if last is not None and descriptors and all(
                _is_role_description(_ROLE_LINK.split(d)[0]) for d in descriptors) else None
            if found is None or not _split_name(found[0])[0]:
                return None
            found = found[0], last.end() + found[1]
        phrase, inner = found
        if " " not in phrase and (phrase.lower() in _OPENING_ADVERBS or phrase.lower() in _LEADING_ADVERBIAL_WORDS
                                  or phrase.endswith("ly") and phrase[1:].islower() and not _surname_like(phrase)
                                  and (self._named_after_role(stripped) is not None
                                       or stripped[len(phrase) + 1:].lstrip().startswith(("the ", "The ")))):
            return None  # "Separately, China's foreign ministry spokesman, Zhao Lijian,": an adverb, no subject
        descriptors = [d for d in descriptors if not d.lower().startswith(("who", "which", "whose"))
                       and not _is_circumstance(d)]
        role_first = _role_before_name(segments[index - 1][0]) if index >= 1 and _split_name(phrase)[0] else None
        named = _split_name(descriptors[0]) if len(descriptors) == 1 and not _split_name(phrase)[0] else ("", "")
        if len(named[0].split()) >= 2 and named[1] and _is_role_description(named[1]) and \
                _is_role_description(phrase.split("'s ")[-1]):  # "Najib's biggest critic, influential former
            where = segments[index + 1][1] + segments[index + 1][0].find(named[0])  # prime minister Mahathir
            return named[0], where, [phrase, named[1]]                            # Mohamad, also weighed in"
        return phrase, offset + inner, [role_first] + descriptors if role_first else descriptors

    def _named_after_role(self, stripped: str) -> tuple[str, int, list[str]] | None:
        """ "His father, Ernie LeBlanc," -> the name, with the role phrase as descriptor."""
        segments = self._segments(stripped)
        if len(segments) < 2:
            return None
        name_segment, offset = segments[-1]
        found = _is_pure_np(name_segment)
        first = _FIRST_OF_JOINT.match(name_segment) if found is None and " and " in name_segment else None
        if first is not None:  # "His defence attorneys, Charles Glynn and Richard Jones, have said": the joint
            found = _is_pure_np(name_segment[first.end():])  # subject is completed by the caller
            found = (found[0], first.end() + found[1]) if found is not None else None
        if found is None or not _split_name(found[0])[0]:
            return None
        role = _leading_np(_strip_clause_words(segments[-2][0]))
        if role is None or not any(_role_word(word) for word in role[0].split()):
            role = self._role_after_lead(segments[-2][0]) or _is_pure_np(segments[-2][0])  # "Queensland's transport
            # and roads minister, Mark Bailey,"
        if role is None or not any(_role_word(word) for word in role[0].split()):
            return None
        return found[0], offset + found[1], [role[0]]

    @staticmethod
    def _role_after_lead(segment: str) -> tuple[str, int] | None:
        """The role phrase ending ``segment`` after a subordinator or a time phrase ("The moves came after China's
        ambassador to Australia", "On Wednesday the multicultural affairs minister")."""
        found = _trailing_np(segment)
        if found is None:
            return None
        lead = segment[:found[1]]
        words = lead.split()
        time_lead = _TIME_LEAD.match(lead)
        if (words and words[-1].lower() in _CLAUSE_WORDS - {"that", "what", "whom"}) or (
                time_lead and not lead[time_lead.end():].strip()):
            return found
        return None

    def _names_a_person(self, phrase: str) -> bool:
        """Whether a name is a person's: a known first name or a Chinese name, or the surname of a person the
        article has named ("Trump" after "Donald Trump"), never a place such as "Silicon Valley"."""
        words = phrase.split()
        if not words or not _split_name(phrase)[0]:
            return False
        if len(words) >= 2:
            return _looks_personal(words)
        return any(entity.person_like and entity.name.split()[-1] == words[0] for entity in self.article.entities)

    def _relative_clause_subject(self, segments: list[tuple[str, int]]) -> tuple[str, int, list[str]] | None:
        """ "Hadwin, who notched two top-10 finishes ..., during the fall of 2018, said": the name (or "the <role>")
        before "who"."""
        for index in range(len(segments) - 1, max(0, len(segments) - 5), -1):
            words = segments[index][0].split()
            if words and words[0].lower() == "which" and index == len(segments) - 1 and all(
                    word in _VERB_AUXILIARIES or word in ("also", "not", "never") or word.endswith("ly")
                    for word in words[1:4]) and len(words) <= 4:  # the cue comes right after "which (has)"
                tail = _trailing_np(segments[index - 1][0])  # "angered Beijing, which has denied": a country or
                if tail is not None and (tail[0].removeprefix("the ") in sources.nationality_words()  # a body
                                         or sources.lookup(self.article.registry, tail[0]) is not None):
                    return tail[0], segments[index - 1][1] + tail[1], []
                return None
            if words and words[0].lower() in ("who", "whose", "who's"):
                if index + 1 < len(segments) - 1 and _is_pure_np(segments[-1][0]) is not None and any(
                        segment.split()[:1] and segment.split()[0] in _FINITE_AUXILIARIES
                        for segment, _ in segments[index + 1:-1]):
                    return None  # "Brentley Vinson, who was placed on leave, was not wearing a device, police
                    # said": the name's own clause ends before the cue's subject
                found = _is_pure_np(segments[index - 1][0])
                if found is not None and _split_name(found[0])[0]:
                    return found[0], segments[index - 1][1] + found[1], []
                if found is not None and found[0].split()[0].lower() in ("the", "a", "an") \
                        and _is_role_description(found[0].split(" ", 1)[-1]) \
                        and not any(segment.strip() for segment, _ in segments[index + 1:]) \
                        and not (index >= 2 and _names_someone(segments[index - 2][0])):
                    return found[0], segments[index - 1][1] + found[1], []  # "In fact, the nurse, who ..., said"
                tail = _trailing_np(segments[index - 1][0]) if found is None else None
                if tail is not None and self._names_a_person(tail[0]):
                    return tail[0], segments[index - 1][1] + tail[1], []  # "and then to Trump, who claimed"
                return None
        return None

    def _subject_before(self, stripped: str, form: str = "") -> tuple[str, int, list[str]] | None:
        segments = self._merge_parentheses(self._segments(stripped), stripped)
        while len(segments) > 1 and segments[-1][0].strip().lower() in _SENTENCE_ADVERBS:
            segments = segments[:-1]
        if not segments:
            return None
        last, offset = segments[-1]
        words = last.split()
        if words and words[-1].lower() in _PRONOUNS:
            return words[-1], offset + last.rfind(words[-1]), []
        reduced = _REDUCED_RELATIVE_BY.match(last)
        if reduced and _role_word(reduced.group(2)) and not any(
                word in _FINITE_AUXILIARIES or word.lower() in _CLAUSE_WORDS for word in reduced.group(1).split()):
            return reduced.group(1), offset + reduced.start(1), []  # "Experts interviewed by the Global Times said",
            # "a Chinese research team consisting of university researchers and CDC experts concluded"
        placed = _GROUP_AT_PLACE.match(last)
        if placed and _is_group(placed.group(2)) and not any(
                word.lower() in _CLAUSE_WORDS or word in _FINITE_AUXILIARIES
                for word in last[placed.start(1):placed.start(2)].split()):
            return placed.group(1), offset + placed.start(1), []  # "Scientists in China and Singapore reported"
        body = _body_at_place(last)
        if body:
            return body.group(1), offset + body.start(1), []  # "The Kurdish-led administration in north-east Syria"
        if len(segments) >= 2 and last.strip().lower() in ("and", "but", "or", "but also", "and also"):
            last, offset = segments[-2][0] + " and", segments[-2][1]
        if len(segments) >= 2 and _is_appositive(last.strip(), segments[-2][0]) and not (
                len(segments[-2][0].split()) >= 2 and _is_circumstance(segments[-2][0])):  # not "Writing in X, the
            # scientists": the segment after a participle clause is the subject, not its description
            clause = None
            for clause in _SUBORDINATOR.finditer(last):
                pass
            found = _is_pure_np(last[clause.end():]) if clause is not None else None
            if found is not None and found[0] == last[clause.end():].strip() and not found[0].endswith(("'s", "'")):
                # "the Chinese leader, Xi Jinping, visited Wuhan as state media (pronounced)": the subject of the
                return found[0], offset + clause.end() + found[1], []  # cue's own clause
            subject = self._appositive_subject(stripped.rstrip() + ",")
            if subject is not None:
                return subject
        relative = self._relative_clause_subject(segments)
        if relative is not None:
            return relative
        if ("and" in last[-12:] or "or" in last[-12:] or "but" in last[-12:]) and _COORDINATION_END.search(last[-12:]):
            opening = _strip_clause_words(last).split()[:1]
            if opening and opening[0].lower() in ("he", "she"):  # "But he shook his head and said no"
                return opening[0], offset + last.find(opening[0]), []
            if opening and (opening[0] in _FINITE_AUXILIARIES or opening[0].endswith("ed")) and len(segments) >= 2:
                # "Newsom, a Democrat, has sued Trump over ... but stressed": the subject opens the sentence
                first, first_offset = segments[0]
                found = _is_pure_np(first)
                if found is None or not _split_name(found[0])[0]:
                    return None
                return found[0], first_offset + found[1], []
            found = _leading_np(_strip_clause_words(last))
            if found is None or found[0].split()[0].lower() in _PREPOSITIONS:  # not "of the lab (theory), and"
                # "Scientific American re-edited an interview ... "..." of the lab theory, and noted": the name that
                # opens the sentence before a finite verb
                first, first_offset = segments[0]
                lead = _leading_np(first) if len(segments) >= 3 else None
                verb = first[lead[1] + len(lead[0]):].split()[:1] if lead is not None else []
                if verb and _split_name(lead[0])[0] and (verb[0].endswith("ed") or verb[0] in _FINITE_AUXILIARIES):
                    return lead[0], first_offset + lead[1], []
                return None
            phrase, _ = found
            inner = last.find(phrase)
            return phrase, offset + max(inner, 0), []
        if last.rstrip().endswith(("'s", "'")):
            return None
        relative = _WHO_INSIDE.match(last) if "who" in last else None
        if relative:
            found = _leading_np(_strip_clause_words(relative.group(1)))
            if found is not None:
                return found[0], offset + last.find(found[0]), []
        age = _AGE_PHRASE.search(last) if "-year-old" in last else None
        if age and all(word.lower() in _CLAUSE_WORDS for word in last[:age.start(1)].split()):
            return age.group(1), offset + age.start(1), []
        owned = _OWNED_DOCUMENT.search(last) if "'s " in last and _DOCUMENT_WORD.search(last) else None
        if owned and (_role_word(owned.group("owner").split()[-1])  # "The trade academy's report", "the
                      or sources.organisation_word_in(owned.group("owner"))):  # government's emergency response plan"
            return owned.group("owner"), offset + owned.start("owner"), []
        document = _DOCUMENT_SUBJECT.search(last[-200:]) if _DOCUMENT_WORD.search(last) else None
        if document:
            named = document.group("owner") if document.group("owner") not in ("A", "An", "The") else None
            owner = named or document.group("by")
            if owner and owner.split()[0] in _TIME_WORDS:
                return None  # "The Economist produced an editorial in the week of Oct 4 called": no owner
            if owner and not named and document.group("link") == "in":
                found = _leading_np(owner)  # "A report in the Washington Post two weeks later highlighted"
                known = sources.lookup(self.article.registry, found[0]) if found is not None else None
                tail = owner[len(found[0]):].lower().split() if found is not None else []
                if known is not None and known.category.endswith("media") and not any(
                        word in _RELATIVES or word in _CLAUSE_WORDS or word in ("no", "not") for word in tail):
                    return found[0], offset + last.find(found[0]), []
                document = None  # "citing a report in the Sydney Morning Herald that Payne called for": not the paper
        if document:
            if owner and not named and owner.startswith("the ") and last.split()[0] in ("A", "An", "The"):
                found = _leading_np(owner)  # "A June 2017 study by the Senate National Finance Committee said"
                rest = owner[len(found[0]):].split() if found is not None else ["?"]
                if all(word in _TIME_WORDS or word.isdigit() or word.lower() in _TIME_REST for word in rest):
                    # the whole name, then at most a time phrase
                    return found[0], offset + last.find(found[0]), []
            if owner and _is_cap(owner.split()[0].removeprefix("the ").strip() or "x"):
                return owner.strip(), offset + last.find(owner), []
            if owner and not named and _role_word(owner.split()[-1]):  # "An analysis by two Melbourne University
                return owner.strip(), offset + last.find(owner), []     # academics found": the academics
            if last.split()[0].lower() in ("the", "a", "an") and len(last.split()) <= 3:  # resolved by _resolve
                return last.strip(), offset + len(last) - len(last.lstrip()), []
            return None
        found = _is_pure_np(last)
        if found is None and " " in last.strip():
            complement = _ROLE_COMPLEMENT.match(last) or self._role_to_place(last)
            if complement and _role_word(complement.group(2)) and \
                    complement.group(1).split()[0].lower().removesuffix("'s") not in _CONTRACTED:
                return complement.group(1), offset + complement.start(1), []
        if found is None:
            tail = _trailing_np(last)
            if tail is None:
                return None
            before = last[:tail[1]].split()
            if len(before) >= 2 and before[-1].lower() == "that" and before[-2].lower() in _cue_lexicon()[0]:
                return None
            named = _split_name(tail[0])[0]
            group = self._modified_group(segments, before, tail[0], form)
            if group is not None:
                return group, offset + last.find(group), []
            if tail[0].removeprefix("the ") in sources.nationality_words() and before and \
                    before[-1].lower() in ("in", "at", "from", "of", "across"):
                words = _strip_clause_words(last).split()  # "Pro-independence forces in Taiwan claimed", "Doctors at
                while words and (words[-1] in _FINITE_AUXILIARIES or words[-1] in ("also", "still", "repeatedly")):
                    words = words[:-1]                     # two hospitals in Wuhan reported": the place ends a group
                whole = " ".join(words)
                if 3 <= len(words) <= 8 and words[0].lower() not in _DETERMINERS - {"the", "a", "an", "some", "many"} \
                        and not any(word in _FINITE_AUXILIARIES or word in _cue_lexicon()[0] for word in words):
                    return whole, offset + last.find(whole), []
                return None
            if not (before and before[-1].lower() in _CLAUSE_WORDS) and not named:
                return None
            if named and not (before and before[-1].lower() in _CLAUSE_WORDS):
                title = [w for w in before[-4:] if not w.lower() in _DETERMINERS]
                if title and not all(_is_cap(w) or _role_word(w) or w.lower() in _ADJECTIVES for w in title):
                    title = title[-2:]
                verb = max((i + 1 for i, w in enumerate(title) if w.lower() in sources.cognition_verbs()), default=0)
                title = title[verb:]  # not "the Guardian understands" (Cormann)
                return tail[0], offset + tail[1], [" ".join(title + [tail[0]])] if title else []
            found = tail
        phrase, inner = found
        if phrase in ("who", "which") and len(segments) >= 2:
            if phrase == "who" and len(segments) >= 3 and _is_appositive(segments[-2][0].strip(), segments[-3][0]):
                named = _trailing_np(segments[-3][0])  # "Nanda Lau, head of the Shanghai office of global law
                if named is not None and _split_name(named[0])[0] and _may_be_person(named[0]) and \
                        not sources.organisation_word_in(named[0]):  # firm Herbert Smith Freehills, who said"
                    return named[0], segments[-3][1] + named[1], [segments[-2][0].strip()]
            antecedent = _trailing_np(segments[-2][0])
            if antecedent is None:
                return None
            if len(segments) >= 3 and _split_name(antecedent[0])[0]:
                role = _leading_np(_strip_clause_words(segments[-3][0])) or _trailing_np(segments[-3][0])
                if role is not None and any(_role_word(word) for word in role[0].split()):
                    return antecedent[0], segments[-2][1] + antecedent[1], [role[0]]
            if phrase.lower() == "which" and not sources.organisation_word_in(antecedent[0]) and \
                    not sources.lookup(self.article.registry, antecedent[0]):
                return None
            return antecedent[0], segments[-2][1] + antecedent[1], []
        return phrase, offset + inner, []

    def _post_modified_subject(self, stripped: str, form: str, right: str) -> tuple[str, int] | None:
        """A clause-opening subject that is a role noun or a quantifier with a modifier after it ("A person
        familiar with the negotiations says", "People arrested last week said", "some in the Muslim community
        say", "One told the Guardian"): the whole phrase and its offset, or None. The clause opens the sentence,
        follows a leading adverbial or, before a plain speech verb, the content it reports."""
        if len(stripped) - max(stripped.rfind(","), stripped.rfind(";"), stripped.rfind("\x01")) > 120:
            return None  # a clause too long for a subject phrase (the cheap test first)
        segments = self._segments(stripped)
        if not segments or segments[-1][0].count(" ") > 14:
            return None
        segment, offset = segments[-1]
        if len(segments) >= 2 and form.lower() not in _CONTENT_FIRST_CUES and \
                segment.split()[:1] not in (["and"], ["but"]):
            opener = segments[-2][0].split()
            if not opener or opener[0].lower() not in _LEADING_ADVERBIAL_WORDS | _SENTENCE_ADVERBS:
                return None
        body = _strip_clause_words(segment)
        words = body.split()
        if not 1 <= len(words) <= 12 or '"' in body or "\x01" in body or body.endswith(("'s", "'")) or \
                words[0].lower() in _RELATIVES:
            return None  # "Editor's note", "which critics say"
        follower = right.split(None, 1)[0] if right.split() else ""
        if form.endswith("ed") and follower.isalpha() and follower.islower() and follower not in _CUE_COMPLEMENT_WORDS:
            return None  # "many confirmed cases": the cue word is an adjective
        first = words[0].lower()
        if first in _QUANTIFIER_PRONOUNS and (len(words) == 1 or words[1].lower() in _POST_MODIFIER_LEAD):
            head = 1
        elif first in _DETERMINERS - {"the", "a", "an"} and len(words) >= 2 and words[1].isalpha() and \
                words[1].islower() and words[1].endswith("s"):
            head = 2  # "several members", "some residents"
        elif first not in _DETERMINERS and not _is_cap(words[0]) and not any(_role_word(word) for word in words[:3]):
            return None  # no noun phrase opens the clause (the cheap test before the parse)
        else:
            found = _leading_np(body)
            if found is None or found[1] != 0:
                return None
            head = len(found[0].split())
            noun = _bare(words[head - 1])
            if not (_role_word(noun) or first in _DETERMINERS - {"the", "a", "an"} and noun.islower()
                    and noun.endswith("s")):
                return None
        lower = [word.lower() for word in words]
        rest = lower[head:]
        gerund = bool(rest) and rest[0].endswith("ing") and rest[0].isalpha() and len(rest[0]) > 5 and \
            rest[0] not in _ING_NOUNS and rest[0] not in _cue_lexicon()[0]  # "Officials monitoring the outbreak"
        if any(word in ("the", "a", "an") and lower[index - 1] not in _POST_MODIFIER_LEAD | _PREPOSITIONS
               and not (gerund and index - 1 == head) for index, word in enumerate(lower[1:], start=1)):
            return None  # "One tactic the researchers observed": a relative clause, not a subject
        participle = bool(rest) and rest[0].endswith("ed") and rest[0].isalpha() and rest[0] not in _cue_lexicon()[0]
        if rest and not (rest[0] in _POST_MODIFIER_LEAD or participle or gerund) or len(rest) > 8 or any(
                word in _FINITE_AUXILIARIES or word in _RELATIVES or word in _CLAUSE_WORDS or word in _cue_lexicon()[0]
                for word in rest) or rest and rest[-1] in _POST_MODIFIER_LEAD | _PREPOSITIONS | _DETERMINERS:
            return None
        if participle and len(rest) > 1 and rest[1] not in _PREPOSITIONS | {"last", "this", "earlier", "yesterday"}:
            return None  # "The researchers analysed 348,608 tweets": a verb with its object
        return body, offset + segment.find(body)

    @staticmethod
    def _modified_group(segments: list[tuple[str, int]], before: list[str], head: str, form: str = "") -> str | None:
        """A plural role with one or two lower-case modifiers that opens its clause ("refugee advocates",
        "However, justice officials"): the clause is the sentence start, follows a sentence adverbial, or follows
        the content it reports when a plain speech verb comes right after it ("..., intelligence sources have told
        the Guardian", "..., refugee advocates said"; ``form`` is the cue as written)."""
        last = head.split()[-1]
        if not (last.endswith("s") and head.islower() and len(head.split()) <= 2 and _role_word(last)):
            return None
        opening = max((index for index, word in enumerate(before) if word.lower() in _OPENING_SUBORDINATORS
                       or word.lower() in _RELATIVES), default=None)
        if opening is not None:  # "Tedros's comments came as investigation team members (admitted)", "during which
            before = before[opening + 1:]  # team members (said)", "which residents (have described)": the clause's
            if not before:
                return head
        words = [w for w in before if w.lower() not in _CLAUSE_WORDS]
        if not 1 <= len(words) <= 2 or len(before) - len(words) > 1 or (len(before) > len(words) and before[0] in words):
            return None
        if not all(w.isalpha() and w.islower() and not w.endswith(("ed", "ing", "ly")) and w not in _PREPOSITIONS
                   and w not in _DETERMINERS for w in words):
            return None
        if len(segments) >= 2:
            opener = segments[-2][0].split()
            content_first = form.lower() in _CONTENT_FIRST_CUES and len(words) == len(before) and not any(
                w in _cue_lexicon()[0] or w in _FINITE_AUXILIARIES or w in _DETERMINERS or w in _RELATIVES for w in words)
            if not content_first and (not opener or opener[0].lower() not in _LEADING_ADVERBIAL_WORDS | _SENTENCE_ADVERBS):
                return None
        return " ".join(words + [head])

    def _clause_subject(self, sentence_start: int, limit: int) -> tuple[str, int] | None:
        text = self.masked[sentence_start:limit]
        for segment, offset in self._segments(text):
            first = segment.split()[0].lower() if segment.split() else ""
            time_lead = _TIME_LEAD.match(segment)
            if (first in _LEADING_ADVERBIAL_WORDS or segment.strip().lower() in _OPENING_ADVERBS | _ORDINAL_OPENERS) \
                    and not time_lead:
                continue  # "Rather, by frequently emphasizing ...": an adverb opens the sentence, no subject
            found = _leading_np(_strip_clause_words(segment[time_lead.end():] if time_lead else segment))
            if found is None:
                if _SUBORDINATOR.search(segment):
                    continue
                return None
            phrase = found[0]
            return phrase, sentence_start + offset + max(segment.find(phrase), 0)
        return None

    def _source_after_cue(self, match: re.Match) -> None:
        rest = self.masked[match.end():self.sentence_of(match.start())[1]]
        cue = match.group(0)
        if cue.lower().startswith("learn") and not _REPORTER_BEFORE.search(self.masked[max(0, match.start() - 60):match.start()]):
            return
        information = _INFORMATION_LEAD.match(rest)
        if information:
            noun = " ".join(information.group(1).lower().split())
            after = rest[information.end():]
            by = _OWNER_AFTER.match(after)
            verb = None if by else _OWNER_VERB.match(after)
            owner = _leading_np(after[by.end():]) if by else _leading_np(verb.group(1)) if verb else None
            if owner is not None:
                owner_phrase = owner[0]
                owner_name = _LEADING_ARTICLE.sub("", owner_phrase)
                if noun in _SOURCE_DOCUMENTS and owner_name[:1].isupper():
                    resolved = self._resolve(f"{owner_name} {noun}", match.end(), [])
                    if resolved:
                        resolved[0].add_alias(owner_name)
                        resolved[0].add_descriptor(owner_name)
                    self._add(resolved, cue, match.end(), match.start(), relay=True)
                else:
                    resolved = self._joint_organisations(owner_phrase, match.end()) or \
                        self._resolve(owner_phrase, match.end(), [])
                    if resolved is not None and noun in sources.document_words():
                        self.article.remember_document(noun, resolved[0])  # "the report" later: the same owner
                    self._add(resolved, cue, match.end(), match.start(), relay=True)
                return
            website = _WEBSITE_OWNER.match(after)
            if website:  # "according to a statement posted on the ministry website": the ministry
                self._add(self._resolve(f"the {website.group(1)}", match.end(), []), cue, match.end(), match.start(),
                          relay=True)
                return
            inside = _MEDIA_AFTER.match(after)
            outlet = _leading_np(after[inside.end():]) if inside else None
            known = sources.lookup(self.article.registry, outlet[0]) if outlet is not None else None
            if known is not None and known.category.endswith("media"):  # "according to a report in the Post"
                self._add(self._resolve(outlet[0], match.end() + information.end() + inside.end(), []), cue,
                          match.end(), match.start(), relay=True)
                return
            if noun in sources.document_words() and information.group(0).split()[0].lower() in ("the", "a", "an"):
                self._add(self._resolve(information.group(0).strip(), match.end(), [], cited=True), cue,
                          match.end(), match.start(), relay=True)
                return
            if noun not in _SOURCE_DOCUMENTS:
                if noun.endswith("s") and not information.group(0).strip().lower().startswith(("the ", "a ", "an ")):
                    self._add((self.article.entity_for_role(noun, (self.number, match.end())), noun), cue,
                              match.end(), match.start(), relay=True)
                return
        object_pronoun = _OBJECT_PRONOUN.match(rest)
        if object_pronoun:  # "According to him, ...": the person "he" stands for
            pronoun = _SUBJECT_FORM[object_pronoun.group(1).lower()]
            self._add(self._resolve(pronoun, match.end(), []), cue, match.end(), match.start(), relay=True)
            return
        found = _leading_np(rest)
        if found is None or found[0].split()[-1].lower() in sources.accordance_words():
            return  # "according to the Basic Law": in accordance with it, no source
        phrase, lead = found
        owner, _, owned = phrase.partition("'s ")
        if owned and not _role_word(owned.split()[-1]) and rest[lead + len(phrase):][:2].strip()[:1].islower():
            phrase = owner
        elif owned and _is_cap(owned.split()[0]) and not any(_is_cap(word) for word in owner.split()):
            phrase = owned  # "the province's Department of Community Services"
        elif not owned and phrase.endswith(("'s", "s'")) and len(phrase.split()[-1]) > 3:
            phrase = phrase[:-1] if phrase.endswith("s'") else phrase[:-2]  # "the union's Friday release": the union
        elif not _split_name(phrase)[0] and _role_word(phrase.split()[-1]):
            phrase = _with_postmodifier(phrase, rest[lead + len(phrase):])  # "According to staff at the market,"
        descriptors = self._appositives_after(rest[lead + len(phrase):])
        self._add(self._resolve(phrase, match.end(), descriptors), cue, match.end(), match.start(), relay=True)

    def _joint_organisations(self, phrase: str, position: int) -> tuple[Entity, str] | None:
        """Two organisations joined by "and", the second opening on a possessive or "the" ("China's Ministry of
        Commerce and India's Ministry of Commerce and Industry"): a joint source with one record each; None if
        ``phrase`` is one name ("Ministry of Commerce and Industry")."""
        for found in re.finditer(r" and ", phrase):
            left, right = phrase[:found.start()], phrase[found.end():]
            opener = right.split()[0] if right.split() else ""
            if not ((_is_cap(opener) and opener.endswith("'s")) or opener == "the") or len(left.split()) < 2 or \
                    len(right.split()) < 2 or not all(sources.organisation_word_in(half) for half in (left, right)):
                continue
            members = [self._resolve(left, position, []), self._resolve(right, position + found.end(), [])]
            if any(member is None or member[0].kind == "person" for member in members) or members[0][0] is members[1][0]:
                return None
            return self.article.joint([member[0] for member in members], "", (self.number, position), phrase), phrase
        return None

    def _noun_cue(self, match: re.Match) -> None:
        start, end = match.span()
        before = self.masked[max(0, start - 200):start]
        if _speech_request().search(before[-40:]):  # "has sought comment from Twitter": asked for, not given
            return
        if _NO_BEFORE_NOUN.search(before[-30:]):  # "There was no immediate comment from the White House"
            return
        if match.group(0).lower() == "words" and not _IN_POSSESSIVE.search(before[-80:]) and \
                not _OWNED_CONTENT.match(self.masked, end) and not _IN_OWNERS.search(before[-20:]):
            return  # "Leong's words are meant to mislead", "a war of words": no words given
        # a possessive holds no "," ";" or quote, so the search starts after the last one (same match, less backtracking)
        possessive = _POSSESSIVE_BEFORE.search(before, max(before.rfind(","), before.rfind(";"), before.rfind("\x01")) + 1) \
            if "'" in before[-40:] else None
        if possessive:
            found = _trailing_np(possessive.group(1))
            follower = self.masked[end:end + 30].split() if match.group(0)[-4:].lower() != " for" else []
            if follower and follower[0][0].isalpha() and follower[0].lower() not in _AFTER_NOUN_CUE and not (
                    follower[0].lower() in _DETERMINERS and _FINITE_CLAUSE_AFTER.match(self.masked[end:end + 80])):
                found = None  # (but "China's claims the trade disputes are genuine": a clause without "that")
            if found and found[0].lower() not in _CONTRACTED:
                phrase = found[0]
                position = start - len(before) + possessive.start(1) + found[1]
                split = _OBJECT_THEN_OWNER.match(phrase)
                if split and (_is_country_name(split.group(1))
                              or sources.lookup(self.article.registry, split.group(1)) is not None):
                    phrase = split.group(2)  # "(railed against) Australia for the Morrison government's calls"
                    position += split.start(2)
                self._add(self._resolve(phrase, position, []), match.group(0), position, start, embedded=True)
                return
        owner = _OWNER_BEFORE.search(before[-40:]) if match.group(0)[-4:].lower() == " for" \
            and not _FOR_A_TIME.match(self.masked, end) or _OWNED_CONTENT.match(self.masked, end) or \
            match.group(0).lower() == "words" and _IN_OWNERS.search(before[-20:]) else None
        if owner and match.group(0)[-4:].lower() != " for" and (
                owner.group(1).lower() not in ("his", "her") or _AND_DEEDS.match(self.masked, end)
                or any(word.endswith("s") for word in owner.group(0).split()[1:])):
            owner = None  # "Many of his friends claim that": a verb; "in his words and actions": no words given;
            # "its"/"their" with a that-clause: too often not the last body or group named
        if owner:  # "Australia angered Beijing with its calls for an inquiry": the owner the pronoun stands for
            position = start - len(before[-40:]) + owner.start(1)
            subject = self._clause_subject(self.sentence_of(start)[0], start) \
                if owner.group(1).lower() == "its" else None
            if subject is not None and _is_organisation_phrase(subject[0], self.article.registry):
                self._add(self._resolve(subject[0], subject[1], []), match.group(0), subject[1], start, embedded=True)
                return  # "The government attracted China's ire over its early public calls for": the subject's
            self._add(self._resolve(_OWNER_PRONOUNS[owner.group(1).lower()], position, []), match.group(0), position,
                      start, embedded=True)
            return
        gave = _GAVE_A.search(before[-60:]) if _THAT_AFTER_NOUN.match(self.masked, end) or (
            match.group(0).lower().startswith(("protest", "complaint", "concern")) and
            _NOUN_TOPIC_AFTER.match(self.masked, end)) or match.group(0).lower().startswith(("call for", "calls for")) \
            else None  # ("issued an early call for an independent inquiry")
        if gave:  # "Pompeo also issued a vague warning that ...": who issued it, the subject of its clause
            head = before[:len(before) - 60 + gave.start()] if len(before) >= 60 else before[:gave.start()]
            head = _TRAILING_ADVERB.sub("", head)
            subject = self._subject_before(head.rstrip(), match.group(0)) if head.strip() else None
            if subject is not None:
                position = start - len(before) + head.find(subject[0]) if subject[0] in head else start
                self._add(self._resolve(subject[0], position, subject[2]), match.group(0), position, start)
                return
        after = self.masked[end:end + 200]
        agent = _AGENT_AFTER.match(after) or (_OF_AGENT.match(after) if match.group(0).lower() in _OF_AGENT_NOUNS
                                              else None)
        if agent:
            found = _leading_np(after[agent.end():])
            if found:
                phrase = found[0]
                if phrase.split()[0].lower() in ("a", "an") and not _is_cap(phrase.split()[-1]):
                    return
                rest = agent.end() + found[1] + len(phrase)
                posted = _POSTED_TO_PLACE.match(after, rest)
                named = _NAME_AFTER_ROLE.match(after, posted.end()) if _role_word(_role_head(phrase)) else None
                if named and not _split_name(phrase)[0]:  # "warnings by China's ambassador to Australia, Jingye
                    position = end + named.start(1)       # Cheng, on Monday": the person the role describes
                    self._add(self._resolve(named.group(1), position, [after[agent.end() + found[1]:posted.end()]]),
                              match.group(0), position, start, embedded=True)
                    return
                self._add(self._resolve(phrase, end + agent.end(), []), match.group(0), end + agent.end(), start,
                          embedded=True)
                other = _AND_COUNTRY.match(after, rest)
                while other:  # "criticism from China and Russia", "statements from the UK, along with France and
                    self._add(self._resolve(other.group(1), end + other.start(1), []), match.group(0),  # New Zealand"
                              end + other.start(1), start, embedded=True)
                    other = _AND_COUNTRY.match(after, other.end())

    # -- quotes

    def credit_quotes(self, previous_speaker: tuple[Entity, str, str] | None,
                      earlier_speaker: tuple[Entity, str, str] | None = None) -> dict[int, list]:
        """Quote spans credited to each hit: {hit index: [(is_sentence, words)]}.

        ``previous_speaker`` continues into a paragraph that opens with a quote; ``earlier_speaker`` (the
        speaker of the paragraph before a narrative one) does when no person is that narrative's subject.
        """
        credit: dict[int, list] = {}
        if not self.spans:
            return credit
        self._index_hits()
        for span in self.spans:
            inner = self.text[span[0] + 1:span[1] - 1 if span[1] - span[0] > 1 and self.text[span[1] - 1] == '"'
                              else span[1]]
            before_text = self.text[max(0, span[0] - 40):span[0]]
            if before_text.rstrip().lower().endswith(_SET_PHRASE_BEFORE) or _is_set_phrase(inner) or \
                    _QUOTED_NAME.fullmatch(inner.strip()):
                continue  # (a name in quotation marks, "Occupy Central", quotes no one)
            words = len(_WORDS.findall(inner))
            if words == 0:
                continue
            sentence = self.sentence_of(span[0])
            whole = self._whole_sentence(span, sentence, inner)
            targets = self._targets(span, sentence, whole)
            if not targets and self.masked[max(sentence[0], span[0] - 3):span[0]].rstrip().endswith(":"):
                subject = self._clause_subject(sentence[0], span[0])
                if subject and subject[0].upper() == subject[0] and not sources.lookup(self.article.registry, subject[0]):
                    subject = None
                resolved = self._resolve(subject[0], subject[1], []) if subject else None
                if resolved is not None:
                    self._add(resolved, ":", subject[1], span[0])
                    self._index_hits()
                    targets = [len(self.hits) - 1]
            speaking = any(not hit.nested for hit in self.hits)
            if not targets and previous_speaker is None and not speaking and span[0] == 0:
                entity = self.article.salient_person((self.number, 0))
                earlier = earlier_speaker[0] if earlier_speaker is not None and not self.cues else None
                if entity is None and earlier is not None and earlier.kind == "person" and _may_be_person(earlier.name) \
                        and (earlier.gender or earlier.person_evidence
                             or any(_is_role_description(text) for text in earlier.descriptors)):
                    entity = earlier
                previous_speaker = (entity, entity.name, "") if entity else None
            if not targets and previous_speaker is not None and not speaking:
                entity, mention, cue = previous_speaker
                self.hits.append(_Hit(entity, mention, cue, span[0], span[0], False))
                targets = [len(self.hits) - 1]
            for target in targets:
                credit.setdefault(target, []).append((whole, words))
        return credit

    def _index_hits(self) -> None:
        self._by_sentence: dict[int, list[int]] = {}
        for index, hit in enumerate(self.hits):
            if not hit.nested:
                self._by_sentence.setdefault(self.sentence_of(hit.cue_start)[0], []).append(index)
        self._speaking = sorted((hit.cue_start, index) for index, hit in enumerate(self.hits)
                                if not hit.relay and not hit.nested)
        self._all = sorted((hit.cue_start, index) for index, hit in enumerate(self.hits) if not hit.nested)

    def _targets(self, span: tuple[int, int], sentence: tuple[int, int], whole: bool) -> list[int]:
        in_sentence = self._by_sentence.get(sentence[0], [])
        if whole and any(not self.hits[i].embedded for i in in_sentence):
            in_sentence = [i for i in in_sentence if not self.hits[i].embedded]
        relays = [i for i in in_sentence if self.hits[i].relay and self.hits[i].cue_start > span[0]]
        speakers = [i for i in in_sentence if not (self.hits[i].relay and self.hits[i].cue_start > span[0])]
        chosen = None
        preceding = [i for i in speakers if self.hits[i].cue_start < span[0]]
        following = [i for i in speakers if self.hits[i].cue_start >= span[0]]
        if preceding:
            chosen = preceding[-1]
            own = [i for i in preceding if not self.hits[i].relay]
            if self.hits[chosen].relay and own:  # "It said in a statement, reported by the AP: ..."
                relays = relays + [chosen]
                chosen = own[-1]
            elif following and self.hits[chosen].cue.endswith("ing") and not self.hits[following[0]].cue.endswith(
                    "ing") and self.hits[following[0]].entity is not self.hits[chosen].entity:
                chosen = following[0]  # 'The authors saying that ... is a "little too agnostic", he added'
        elif following:
            chosen = following[0]
        elif relays:
            chosen = relays[0]
        else:
            before = bisect.bisect_left(self._speaking, (span[0], -1))
            after = bisect.bisect_left(self._all, (span[0], -1))
            chosen = self._speaking[before - 1][1] if before else (
                self._all[after][1] if after < len(self._all) else None)
        if chosen is None:
            return []
        return [chosen] + [i for i in relays if i != chosen]

    def _whole_sentence(self, span: tuple[int, int], sentence: tuple[int, int], inner: str) -> bool:
        if _INNER_SENTENCE.search(inner):
            return True
        before = self.masked[sentence[0]:span[0]]
        after = self.masked[span[1]:sentence[1]].strip()
        closes = inner.rstrip()[-1:] in (".", "!", "?", ",") or not after.strip(".!? ") or span[1] >= len(self.text) \
            or (after[:1] == "," and not before.strip())  # '"... cold chain products", he said'
        if not closes:
            return False
        if not before.strip() or before.strip().rstrip(",").lower() in _LINKING_WORDS:  # 'Therefore, "the ..."'
            return True
        tail = before.rstrip()
        last_cue = None
        for cue in self.cues:
            if cue.start() >= span[0]:
                break
            if cue.start() >= sentence[0]:
                last_cue = cue
        if last_cue is None:
            return tail.endswith(":")
        between = tail[last_cue.end() - sentence[0]:]
        return bool(_CUE_TO_QUOTE.fullmatch(between))


@lru_cache(maxsize=1 << 12)
def _segments_of(text: str) -> tuple[tuple[str, int], ...]:
    """(segment, offset) of the comma/semicolon/dash-separated parts of ``text``; cached because one cue's
    left context is segmented by several subject rules in turn."""
    return tuple([(m.group(0), m.start()) for m in _SEGMENT.finditer(text) if m.group(0).strip()])


class _NestedText(_Paragraph):
    """The text inside one quotation, analysed like a paragraph but only for named sources: pronouns resolve
    to nothing and the hits do not become the article's last speakers."""

    def __init__(self, text: str, number: int, article: _Article):
        self.text = text
        self.number = number
        self.article = article
        self.spans = []
        self.masked = text
        self._sentences = None
        self.cues = []
        self.hits = []

    def _resolve(self, phrase: str, position: int, descriptors: list[str], cited: bool = False) \
            -> tuple[Entity, str] | None:
        words = phrase.strip(" ,").split()
        first = words[0].lower().split("'")[0] if words else ""
        if not words or first in _PRONOUNS or first in _FIRST_PERSON or not _split_name(" ".join(words))[0]:
            return None
        resolved = super()._resolve(phrase, position, descriptors, cited)
        if resolved is None or (resolved[0].known is None and sum(_is_cap(word) for word in words) < 2):
            return None  # a lone capitalised word ("Thus, media members ...") names nobody here
        return resolved

    def _add(self, resolved, cue: str, position: int, cue_start: int, relay: bool = False,
             embedded: bool = False) -> None:
        if resolved is not None:
            self.hits.append(_Hit(resolved[0], resolved[1], cue, position, cue_start, relay, True, True))


_ORDINAL_OPENERS = frozenset({"first", "second", "third", "fourth", "fifth", "firstly", "secondly", "thirdly",
                              "lastly", "last", "next"})


@lru_cache(maxsize=1 << 16)
def _is_appositive(segment: str, previous: str | None = None) -> bool:
    """Whether ``segment`` describes the noun phrase ending ``previous`` ("Zhao, a professor at ...")."""
    words = segment.split()
    if not words:
        return False
    first = words[0]
    if first in ("who", "which", "whose") or first.lower() in ("including", "also", "a", "an", "both", "now", "then",
                         "formerly", "currently", "himself", "herself", "once", "in", "at") \
            or first.lower() == "one" and words[1:2] == ["of"]:  # "Tam, one of the 59 Basic Law drafters,"
        return True
    if first in ("and", "but", "while", "as", "when", "after", "although", "though", "because") and 3 <= len(words) \
            <= 8 and _is_cap(words[-1]) and _split_name(" ".join(words[1:]))[0]:
        return False  # a clause opening on a name: "..., but Prof Liang Wannian, the head of ..., said"
    main = words[:next((i for i, w in enumerate(words) if w in ("who", "which", "that", "whose")), len(words))]
    if any(w in _FINITE_AUXILIARIES for w in main):
        return False  # a clause, not a description: "and a British worker were among the casualties"
    if first.lower() == "the" and len(words) > 2 and any(w in ("of", "for", "at", "with") for w in words):
        return True
    if first.lower() == "the" and len(words) > 2 and "'s" in words[1] and any(_role_word(w) for w in words[2:5]):
        return True
    possessive = next((i for i, w in enumerate(words[:4]) if w.endswith("'s")), None)
    if possessive is not None and all(_is_cap(w) for w in words[:possessive + 1]) and any(
            _role_word(w) for w in words[possessive + 1:]):
        return True
    if first.lower() == "the" and any(_role_word(w) for w in words[1:3]):
        return True
    if first[0].islower() and any(_role_word(w) for w in words[:6]):
        return True
    if previous is not None and (
            ("-" in first[1:-1] and first.rsplit("-", 1)[1].islower() or _bare(first) in sources.nationality_words())
            and any(_role_word(w) for w in words[1:5])  # "Alberta-based health education manager with ..."
            or first.isdigit() and len(first) <= 3 and len(words) == 1):  # an age: "Teresa Galati, 56,"
        own, title = _split_name(segment)
        if own and (_looks_personal(own.split()) or len(own.split()) >= 2 and title and _role_word(title.split()[-1])):
            return False  # "..., Latin America and Europe, Cambodian Deputy Prime Minister Hor Namhong": a subject
        named = _is_pure_np(previous)
        return named is not None and (bool(_split_name(named[0])[0]) or first.isdigit() and _is_role_description(
            _LEADING_ARTICLE.sub("", named[0])))  # "the woman, 28,": an age after a role too
    if previous is not None and _role_word(first) and sources.role_words().get(_bare(first).lower(), ("", "org"))[1] != "org":
        named = _is_pure_np(previous)
        if named is not None and _split_name(named[0])[0]:
            return True
    if len(words) <= 4 and _role_word(words[-1]) and previous is not None:
        named = _is_pure_np(previous)
        return named is not None and bool(_split_name(named[0])[0])
    if previous is not None and _is_circumstance(segment):  # "Smith, speaking to the BBC,": what the subject did
        head = previous.strip().lower()
        return _is_pure_np(previous) is not None and head not in _OPENING_ADVERBS | _LEADING_ADVERBIAL_WORDS \
            | _SENTENCE_ADVERBS and head not in _ORDINAL_OPENERS  # not "Rather, by frequently emphasizing ...,"
    return False

_QUOTATION_THEN_CUE = re.compile(r'(?:[,?!]"|",)\s*$')  # a quotation ends right before the cue
_QUOTE_BEFORE_SUBJECT = re.compile(r"\x01[,!?]?\s+[^\x01,;]{1,60}$")
_AGE_LEAD = re.compile(r"(?:the\s+)?\d{1,3}-year-old\b", re.IGNORECASE)
_AGE_PHRASE = re.compile(r"(?:^|\s)((?:the|The)\s+\d{1,3}-year-old(?:\s+[a-z][\w\-]*){0,3})\s*$")
_NEAR_NAME = re.compile(r"\b(?:close|closer|near|familiar|linked|allied|related|loyal)(?:\s+(?:to|with))?\s*$")
_NESTED_MIN_QUOTE = 120  # characters: a quotation long enough to report sources of its own
_FIRST_PERSON = frozenset({"i", "we", "you", "me", "us", "our", "my"})
_RELATIVES = frozenset({"which", "who", "whom", "whose", "that", "what", "where", "when"})
_CONTENT_FIRST_CUES = frozenset({"said", "say", "says", "told"})  # plain speech verbs after reported content
_FINITE_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "did", "does"})
# lower-case words that end an organisation's field: "a panel of experts has", "the ministry of health on Monday"
_NOT_IN_A_FIELD = (_CLAUSE_WORDS - {"and", "of"}) | _DETERMINERS | _FINITE_AUXILIARIES | (_PREPOSITIONS - {"of"})
_QUANTIFIER_PRONOUNS = frozenset({"one", "another", "some", "others", "many", "several", "most", "few", "those"})
_CUE_COMPLEMENT_WORDS = frozenset({"that", "the", "a", "an", "it", "they", "he", "she", "we", "this", "there", "to",
                                   "of", "on", "in", "about", "his", "her", "their", "its", "what", "how", "why"})
_POST_MODIFIER_LEAD = frozenset({"in", "from", "at", "on", "of", "with", "inside", "within", "among", "across",
                                 "outside", "near", "familiar", "close", "present", "involved", "based", "linked"})
_TIME_REST = frozenset({"on", "in", "last", "this", "earlier", "later", "week", "month", "year", "today", "yesterday"})
_OPENING_ADVERB_OR_GERUND = re.compile(r"[A-Z][a-z]{3,}(?:ly|ing)$")  # "Apparently", "Quoting": no part of a name
_CLAUSE_FINAL_CUE = re.compile(r"\s+(?:also\s+)?[a-z]+(?:\s+on\s+\w+day)?\s*(?:[.;]|$)")  # "..., it said."
_COORDINATED_VERB = re.compile(r"[,\x01]\s*(?:and|but)$|\b(?:and|but)$")
_QUOTED_AS = re.compile(r"\b(quoted|cited)\s+([^;\x01]{1,200}?),?\s+as\s+$")
_PASSIVE_AUXILIARY = r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+)?"
_QUOTED_PASSIVE = re.compile(rf"{_PASSIVE_AUXILIARY}(?:quoted|cited)\s+(?:(?:in|by|on)\s+[^,;\x01]{{1,80}}?\s+)?"
                             r"as\s+$")  # "X was
_PASSIVE_AUXILIARY_END = re.compile(rf"{_PASSIVE_AUXILIARY}$")  # quoted by Reuters as", "X was (quoted as saying)"
_QUICK_TO = re.compile(r"\s+(?:was|were|is|are|has been|have been)\s+(?:quick|keen|eager|swift|careful|at pains)\s+to$")
_INTENSIFIER = re.compile(r"\s+(?:itself|himself|herself|themselves)$")  # "The lab itself says"


def _is_title_continuation(segment: str) -> bool:
    """A short capitalised list item ("Science and Economic Development") continuing a title."""
    words = segment.split()
    return 0 < len(words) <= 5 and _is_cap(words[0]) and all(
        _is_cap(w) or w in ("and", "of", "for", "the", "&") for w in words)


@lru_cache(maxsize=1 << 16)
def _is_pure_np(segment: str) -> tuple[str, int] | None:
    """The noun phrase ending ``segment`` when only clause words ("and", "but") come before it; none when a question
    mark ends it (a question or a title: "the recent book, Will China Dominate the 21st Century?, says")."""
    if segment.rstrip().endswith("?"):
        return None
    found = _trailing_np(segment)
    if found is None:
        return None
    phrase, offset = found
    head = segment[:offset].strip().lower()
    if head and head not in _CLAUSE_WORDS and not all(w in _CLAUSE_WORDS for w in head.split()):
        return None
    return phrase, offset


_NOISE_ENDINGS = frozenset(
    "also further then later earlier previously once again repeatedly recently already publicly separately since both "
    "jointly "
    "additionally still even has have had would will could did does do reportedly specifically clearly "
    "explicitly firmly strongly bluntly openly flatly immediately simply likewise similarly subsequently however "
    "therefore thus furthermore moreover meanwhile finally now often sometimes always long too times point "
    "occasion past years months weeks days decades time twitter facebook weibo wechat instagram youtube tiktok "
    "monday tuesday wednesday thursday friday saturday sunday week month year weekend night morning evening "
    "afternoon today yesterday statement interview speech conference briefing letter post tweet video release "
    "meeting report email e-mail message op-ed article address session forum event call hearing remarks "
    "jan feb mar apr jun jul aug sep sept oct nov dec january february march april may june july august "
    "september october november december time".split())


def _may_be_passive(tail: str) -> bool:
    """A cheap test before :data:`_PASSIVE`: an ASCII text holds one of its words, ignoring case."""
    if not tail.isascii():
        return True
    lower = tail.lower()
    return "be" in lower or "is" in lower or "are" in lower or "was" in lower or "were" in lower


def _may_end_in_noise(text: str) -> bool:
    """A cheap test before the trailing-adverbial regex: does the text end in a word it could remove?"""
    words = text[-40:].split()
    if not words:
        return False
    last = words[-1].lower().strip(".,)(")
    return last in _NOISE_ENDINGS or last.isdigit() or last.endswith("ly")


_NEXT_PRONOUN = re.compile(r"\b(he|his|him|himself|she|her|herself)\b")
_IS_A = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\s")  # a person introduced by what they are
_OPENING_PRONOUN = re.compile(r"(He|She)\s+[a-z]")  # the pronoun opening the next sentence, not the surname He
_PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "herself": "f"}


def _gender_after(text: str, end: int) -> str:
    """The gender of the first personal pronoun after a name in its sentence, when no other name comes between
    ("McNeely was afraid to let her guard down"): "" when there is none."""
    window = text[end:end + 80]
    stop = _SENTENCE_END.search(window)
    if stop is not None and _NEXT_PRONOUN.search(window, 0, stop.start()) is None and _IS_A.match(window):
        opening = _OPENING_PRONOUN.match(text, end + stop.end())  # "Carly Veitch is a WA grower. She was ..."
        if opening is not None and "\x01" not in window[:stop.start()]:
            return _PRONOUN_GENDER[opening.group(1).lower()]
    window = window[:stop.start()] if stop else window
    pronoun = _NEXT_PRONOUN.search(window)
    if pronoun is None or "\x01" in window[:pronoun.start()] or any(
            _is_cap(word) and _bare(word) not in _TIME_WORDS for word in window[:pronoun.start()].split()):
        return ""
    return _PRONOUN_GENDER[pronoun.group(1)]


@lru_cache(maxsize=1 << 16)
def _kind_of(name: str, title: str) -> str:
    """``org`` for "Phytium Technology Co" or "US AI chip giant Nvidia", else ``person``."""
    if sources.organisation_word_in(name) or name in sources.nationality_words():
        return "org"
    if name.split()[0] in sources.first_name_genders() or sources.looks_chinese_name(name):
        return "person"
    kinds = {sources.role_words().get(_bare(word).lower(), ("", ""))[1] for word in title.split()}
    if kinds & {"role", "weak_role"}:
        return "person"
    return "org" if "org" in kinds else "person"


@lru_cache(maxsize=1 << 16)
def _has_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs in ``text`` as whole words, ignoring case."""
    text, phrase = text.lower(), phrase.lower()
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if (start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "-")) and (
                end == len(text) or not (text[end].isalnum() or text[end] == "-")):
            return True
        start = text.find(phrase, start + 1)
    return False


def _lookup_without_nationality(registry: dict, name: str) -> sources.KnownSource | None:
    """A registry entry for "United States Centers for Disease Control" without its country words."""
    split = _without_nationality(name)
    if split is None:
        return None
    country, rest = split
    known = sources.lookup(registry, rest)
    # "the Peruvian Foreign Ministry" is not the (Chinese) Foreign Ministry of the registry
    return known if known is not None and known.origin == sources.nationality_words()[country] else None


@lru_cache(maxsize=1 << 16)
def _without_nationality(name: str) -> tuple[str, str] | None:
    """(country words, the rest) of ``name`` ("United States", "Centers for Disease Control"), or None when it
    opens with no country words."""
    words = name.split()
    for size in (2, 1):
        country = " ".join(words[:size]).removesuffix("'s")
        if len(words) > size and country in sources.nationality_words():
            return country, " ".join(words[size:])
    return None


@lru_cache(maxsize=1 << 16)
def _role_before_name(segment: str) -> str | None:
    """The role phrase that ends ``segment`` when it opens a role-first apposition ("China's ambassador to
    Australia" in "..., China's ambassador to Australia, Jingye Cheng, who told ..."); None without a role word."""
    clause = re.split(r"[.;:!?\"()\x01]", segment)[-1]
    found = _trailing_np(clause) if clause.strip() else None
    if found is None:
        return None
    lexicon = sources.role_words()
    if not any(lexicon.get(_bare(word).lower().removesuffix("'s"), ("", ""))[1] in ("role", "weak_role")
               for word in found[0].split()):
        return None
    return found[0]


def _descriptions_around(text: str, start: int, end: int) -> list[str]:
    """Role phrases set off by commas around a person's name, for the label only: a capitalised one after it
    ("Ryan Rutkowski, China research analyst at the ... Institute,") and one before it when the name itself is
    set off by commas ("the multicultural affairs minister, Alan Tudge, conceded")."""
    found = []
    after = _DESCRIPTION_AFTER.match(text, end)
    if after and _is_role_description(after.group(1)):
        found.append(after.group(1).strip())
    closed = text[end:end + 2].lstrip()[:1] in ("", ",", ".", ";")
    posted = _ROLE_POSTED_TO.search(text, max(0, start - 80), start - 2) \
        if closed and text[max(0, start - 2):start] == ", " else None
    if posted and _is_role_description(posted.group(1)):  # "the Chinese ambassador to Australia, Cheng Jingye."
        return found + [posted.group(0).strip()]
    if text[end:end + 2].lstrip().startswith(",") and text[max(0, start - 2):start] == ", ":
        before = _trailing_np(text[max(0, start - 80):start - 2])
        if before is not None and before[0].split()[0].lower() in ("the", "a", "an") and \
                not _split_name(before[0])[0] and _is_role_description(before[0]) and \
                not (_ENDS_IN_PLACE.search(before[0]) and not _looks_personal(text[start:end].split())):
            found.append(before[0])
    return found


_ROLE_POSTED_TO = re.compile(r"(?:^|(?<=\s))((?:[Tt]he|[Aa]n?|[A-Z][\w\-]*'s)\s+(?:[\w\-']+\s+){0,3}?[\w\-]+)\s+to\s+"
                             r"(?:the\s+)?"
                             r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}$")
# "a nurse from the ... Center in Queens, New York,": the name after "in <place>, " is more of the place
_ENDS_IN_PLACE = re.compile(r"\b(?:in|of)\s+(?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*$")


_NOUN_DETERMINERS = frozenset({"the", "its", "their", "these", "those", "some", "many", "all", "other", "such",
                               "his", "her", "our", "news", "media", "press", "member", "several", "two", "both"})


# adjectives of countries and their groups before a plural noun ("member states", "Gulf states", "eastern states")
_COUNTRY_ADJECTIVES = frozenset({"island", "neighbouring", "neighboring", "three", "four", "five", "northern",
                                 "southern", "eastern", "western", "central", "coastal", "small", "smaller",
                                 "sovereign", "nuclear", "rogue", "frontline", "gulf", "arab", "baltic", "nordic",
                                 "pacific", "swing", "red", "blue", "southeastern", "northeastern", "southwestern",
                                 "northwestern"})
_NOUN_MODIFIERS = frozenset({"new", "recent", "earlier", "previous", "media", "news", "press", "unconfirmed",
                             "initial", "early", "multiple", "other", "such", "official", "similar"})


def _plural_noun_use(left: str, right: str) -> bool:
    """Whether a cue form ending in "s" ("reports", "states", "estimates") is a plural noun here: after a
    determiner or a noun it compounds with, or before a verb, a possessive mark or "from"/"of"."""
    words = left.split()[-2:]
    before = words[-1:]
    if before and (before[0].lower() in _NOUN_DETERMINERS or before[0].lower() in _COUNTRY_ADJECTIVES
                   or _nationality_adjective(before[0])):
        return True  # (and "northern and eastern European states", "Arab states": countries)
    if len(words) == 2 and words[0].lower() in _NOUN_DETERMINERS and words[1].isalpha() and words[1].islower() and (
            words[1].endswith(("ic", "al", "ous", "ive", "est")) or words[1] in _NOUN_MODIFIERS):
        return True  # "some scientific reports", "the latest reports", "several media reports"
    if right[:1] == "'":
        return True
    after = right.split(None, 1)[:1]
    word = after[0].lower().strip(",.;:") if after else ""
    return word in _FINITE_AUXILIARIES or word in ("from", "of", "on", "about", "by") or word in _cue_lexicon()[0]


def _is_country_name(name: str) -> bool:
    """A name of ``nationality_words.csv`` (a country, a capital standing for its state) as a whole subject."""
    return name.removeprefix("the ").removeprefix("The ") in sources.nationality_words()


def _is_adverbial_opener(segment: str) -> bool:
    """A segment that opens a sentence as an adverbial, not as its subject: "However", "Separately", "On Monday",
    "After the meeting", "Speaking to reporters"."""
    low = " ".join(segment.lower().split())
    words = low.split()
    if not words:
        return False
    if any(low in words_of for words_of in (_OPENING_ADVERBS, _SENTENCE_ADVERBS, _ORDINAL_OPENERS,
                                            _LEADING_ADVERBIAL_WORDS)):
        return True
    if len(words) == 1:
        return low.endswith("ly") and len(low) >= 9 and not _surname_like(segment.strip())  # "Separately", not
        # "Italy" or "Kelly"
    if _SUBORDINATOR.search(" ".join(words[1:])):
        return False  # "For as Marcus Tullius Cicero": a clause with its own subject
    tail = segment.split()[-3:]
    if len(tail) >= 2 and all(_is_cap(word) for word in tail[-2:]) and (
            _looks_personal(tail[-2:]) or _looks_personal(tail)):
        return False  # "Last week Wang Xining", "In Beijing Wang Yi": the subject ends the segment
    return words[0] in _PREPOSITIONS or _is_circumstance(segment) or _TIME_LEAD.match(segment + " ") is not None


def _is_circumstance(segment: str) -> bool:
    """An appositive that tells what the source did, not who it is: a participle clause ("speaking to the media
    after the meeting", "citing the report"), an occasion ("in a briefing to the president", "on Sunday") or a
    manner ("without offering evidence")."""
    words = segment.lower().split()
    if not words:
        return False
    follower = words[1] if len(words) > 1 else ""
    if words[0].endswith("ing") and (not follower or follower in _PREPOSITIONS or follower in _DETERMINERS
                                     or follower in ("that", "it", "him", "her", "them", "his", "its", "their")):
        return True
    if words[0] == "without":  # "without offering evidence", "without elaborating"
        return True
    if _CAPTION_POSITION.fullmatch(segment.strip()):  # "Coach Stephen Gillis, second from right, said"
        return True
    if follower and segment.lstrip()[:1].islower() and words[0] not in _ADJECTIVES and (
            words[0].endswith("ing") and len(words[0]) > 5 and words[0] not in _ING_NOUNS
            or words[0].endswith("ed") and follower in _PARTICIPLE_ADVERBS):
        return True  # "appearing alongside their Chinese counterparts", "facing difficulties because of ...",
        # "elected just seven months ago"
    return words[0] in _PREPOSITIONS and (follower in ("a", "an") or words[0] in (
        "during", "after", "before", "via", "through", "over", "on", "by", "to"))


# -ing words that are nouns, not participles opening a clause
_ING_NOUNS = frozenset({"morning", "evening", "building", "meeting", "briefing", "hearing", "ruling", "funding",
                        "bombing", "shooting", "training", "something", "nothing", "anything", "everything", "offering",
                        "warning", "spring", "string", "darling", "sibling", "ceiling", "wedding", "painting",
                        "standing", "setting", "feeling", "founding", "opening", "reading", "thinking",
                        "comprising", "including", "consisting", "representing", "involving", "covering"})  # (these
# describe who the source is: "the team, comprising experts from 10 countries")
_PARTICIPLE_ADVERBS = frozenset({"just", "only", "recently", "last", "earlier", "later", "again", "twice", "once"})
_NAME_AND_COUNTERPART = re.compile(r"^\s*(?P<first>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})\s+and\s+"
                                   r"(?P<role>(?:his|her|their|its)\s+[^,\x01;]{2,60}),\s+"
                                   r"(?P<second>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}),$")
# a person and the people with them: "Emabarek and his team", at the start of a clause
_NAME_AND_COMPANY = re.compile(r"(?:^|[.,;:]\s+|\b(?:but|and|that|when|while)\s+)\s*"
                               r"(?P<first>[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})\s+and\s+"
                               r"(?P<second>(?:his|her|their)\s+(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*)\s*$")
_DESCRIBED_NAME = r"(?:Sir\s+|Dame\s+|Dr\s+)?[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}"
_TWO_DESCRIBED_NAMES = re.compile(rf"(?:^\s*|,\s+)(?:(?:[Oo]n|[Ii]n|[Aa]t|[Ll]ast|[Tt]his|[Ee]arlier)\s+"
                                  rf"[\w ]{{1,20}}?\s+)?"
                                  rf"(?:[Bb]oth\s+)?"
                                  rf"(?P<first>{_DESCRIBED_NAME})(?:,\s+(?P<first_role>[^,\x01;]{{3,80}}),)?\s+and\s+"
                                  rf"(?P<second>{_DESCRIBED_NAME}),\s+(?P<role>[^,\x01;]{{3,120}}),$")
# a group placed by a link: "Scientists in China and Singapore", "Independent investigators for the WHO"
_GROUP_AT_PLACE = re.compile(r"^\s*((?:[A-Za-z][\w\-]*\s+){0,2}?([A-Za-z][a-z]+s)\s+(?:in|at|from|for|with)\s+"
                             r"(?:the\s+)?(?:[a-z0-9][\w\-]*\s+)?(?:[a-z][\w\-]*\s+(?:in|at|of)\s+(?:the\s+)?)?"
                             r"[A-Z][\w\-.']*(?:\s+(?:[A-Z][\w\-.']*|of|and|the))*)\s*$")
# a source and the one who asked it or what it is made of: "Experts interviewed by the Global Times", "analysts
# polled by Reuters", "a research team consisting of university researchers"
_REDUCED_RELATIVE_BY = re.compile(r"^\s*(?:(?:[Bb]ut|[Aa]nd|[Yy]et)\s+)?((?:[\w\-']+\s+){0,4}?([A-Za-z][\w\-]*))"
                                  r"\s+(?:[a-z]+ed\s+by|consisting\s+of|made\s+up\s+of|composed\s+of|comprising)"
                                  r"\s+[^,;\x01]+$")
# a body named by its common noun and where it is: "The Kurdish-led administration in north-east Syria"
_BODY_AT_PLACE = re.compile(r"^\s*((?:[Tt]he\s+)(?:[\w\-]+\s+){0,2}?([a-z][a-z\-]+)\s+in\s+(?:the\s+)?"
                            r"(?:[a-z][\w\-]*\s+)?[A-Z][\w\-.']*(?:\s+[A-Z][\w\-.']*)*)\s*$")
def _body_at_place(phrase: str) -> re.Match | None:
    """A body named by its organisation word and where it is ("The local government in northern Italy"), which is
    one source, not the place."""
    body = _BODY_AT_PLACE.match(phrase) if " in " in phrase else None
    return body if body and sources.role_words().get(body.group(2), ("", ""))[1] == "org" else None


_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "nationals", "forces")  # plural nouns for people
_OPENING_NAME = re.compile(r"^\s*(?P<name>[A-Z][\w.'\-]+(?:\s+(?:[A-Z][\w.'\-]+|de|van|von|bin|al|la|le|du|da)){1,4}),"
                           r"\s+(?P<middle>[^\x01;]{2,300}),\s*"
                           r"(?:(?:also|instead|then|later|again|however|meanwhile|[a-z]{3,}ly)\s*)?$")
_MODALS = frozenset({"can", "could", "should", "do"})
_NO_BEFORE_NOUN = re.compile(r"\b[Nn]o\s+(?:[a-z]+\s+)?$")  # "no (immediate) comment": none given
# a modal right before a cue's base form ("will respond", "would not comment", "yet to report"), but not "would
# later say"
_MODAL_BEFORE = re.compile(r"\b(?:(?:will|would|could|can|may|might|must|should|shall)(?:\s+not|n't)?"
                           r"(?:\s+(?:also|still|never|probably|likely|soon|then|again|certainly))?(?:\s+have)?"
                           r"|yet\s+to)\s+$")  # ("could have responded": a counterfactual)
_AUXILIARY_WORDS = _FINITE_AUXILIARIES | _MODALS
_FINITE_WORDS = _AUXILIARY_WORDS | {"said", "says", "told", "tells"}


def _name_of_body_before_comma(stripped: str, right: str) -> tuple[str, int, list[str]] | None:
    """A person's name with the body they belong to, then a stray comma before the verb ("In an afternoon press
    conference, Xu Ying of the Beijing municipal party committee organisation department, said"): the name, when
    the segment is that noun phrase alone and no speaker follows the verb."""
    segments = _segments_of(stripped.rstrip(" ,"))
    if not segments:
        return None
    segment, offset = segments[-1]
    name, _, body = segment.strip().partition(" of ")
    words = name.split()
    whole = _is_pure_np(segment)
    if not body or not 2 <= len(words) <= 4 or not all(_is_cap(word) for word in words) or not _looks_personal(words) \
            or whole is None or whole[0] != segment.strip():
        return None
    after = _leading_np(right)
    if after is not None and (_is_cap(after[0].split()[-1]) or _role_word(after[0].split()[-1])):
        return None  # "..., said the minister": an inverted speaker
    return name, offset + segment.find(name), [segment.strip()]


def _titled_name_list(stripped: str) -> list[tuple[str, int]] | None:
    """Three to five people, each named in full with an optional title before, listed as the clause's subject ("the
    former Nato secretary general Anders Fogh Rasmussen, the former president of Poland Aleksander Kwasniewski and
    the former Swedish prime minister Carl Bildt"), after an opening phrase if any: each phrase and its offset."""
    head, _, final = stripped.rstrip().rpartition(" and ")
    parts = head.split(", ")
    items, offset = [], 0
    for part in parts:
        items.append((part, offset))
        offset += len(part) + 2
    items.append((final, len(head) + 5))
    names = []
    for phrase, at in reversed(items):
        lead = len(phrase) - len(phrase.lstrip())
        name, title = _split_name(phrase.strip())
        words = name.split()
        titled = any(_role_word(word) for word in title.split())  # "the former president of Poland Aleksander ..."
        if not 2 <= len(words) <= 4 or not _is_cap(words[0]) or not (_looks_personal(words) or titled) \
                or sources.organisation_word_in(name):
            break
        names.append((phrase.strip(), at + lead))
        if len(names) == 5:
            break
    return names[::-1] if len(names) >= 3 else None


def _stray_comma_subject(stripped: str) -> tuple[str, int, list[str]] | None:
    """A titled name that is the whole sentence before the cue but for a time opener, set off by a stray comma
    ("On Thursday foreign ministry spokeswoman Hua Chunying, said China supported ..."): the name."""
    if "," in stripped[:-1] or not stripped.endswith(","):
        return None
    lead = _TIME_LEAD.match(stripped)
    body = stripped[lead.end() if lead else 0:-1]
    found = _leading_np(body)
    if found is None or found[0] != body.strip() or not _split_name(found[0])[0] or not _split_name(found[0])[1]:
        return None
    return found[0], (lead.end() if lead else 0) + found[1], []


def _opening_name_subject(stripped: str) -> tuple[str, int, list[str]] | None:
    """A person's name opening the sentence, set off by descriptions of any length before the cue ("Benny Tai, one
    of the three masterminds behind the campaign and a constitutional law expert, said"; "Jose de Venecia, former
    speaker of the Philippines, who led a group of observers, said"): the name, and the descriptions."""
    found = _OPENING_NAME.match(stripped) if stripped.endswith(",") or stripped[-1:].isalpha() else None
    if found is None:
        return None
    name = found.group("name")
    words = name.split()
    start, titled = found.start("name"), []
    if len(words) >= 3 and (words[0] in sources.MILITARY_TITLES or words[0] in sources.MILITARY_RANKS):
        start += len(words[0]) + 1  # "General Abdel Fattah Sisi, supreme commander of the armed forces,"
        titled = [name]
        words = words[1:]
        name = " ".join(words)
    if words[0] in _NOT_NAMES or words[0].lower() in _LEADING_ADVERBIAL_WORDS or name in sources.nationality_words() \
            or sources.organisation_word_in(name) or any(_title_word(word) for word in words):
        return None
    segments = [segment.strip() for segment in found.group("middle").split(",")]
    described = _is_descriptor(segments[0]) or _is_role_description(segments[0]) or \
        _role_word(_bare(segments[0].split()[-1])) if segments[0] else False  # "Minerals Council ... chief executive"
    if segments[0][:1].isupper() and not described:
        return None  # a capitalised appositive must be a role: "Tania Constable, Minerals Council ... chief executive,"
    if not (_looks_personal(words[:3]) or _surname_like(words[-1]) or _is_descriptor(segments[0]) or described):
        return None
    if any(not segment.lower().startswith(("who", "whose", "which")) and
           any(word.lower() in _FINITE_WORDS for word in segment.split()) for segment in segments):
        return None  # "Li, the minister, has said ..., and officials said": a clause of its own
    descriptors = [segment for segment in segments if not segment.lower().startswith(("who", "whose", "which"))
                   and not _is_circumstance(segment) and (_is_descriptor(segment) or any(map(_role_word, segment.split())))]
    return name, start, titled + descriptors


def _with_postmodifier(phrase: str, following: str) -> str:
    """A role phrase with no name, extended by the short place or participle phrase that follows it and tells
    which ones are meant ("a sales clerk" + " at the store", "a relative" + " involved in one of the lawsuits"), as
    the gold names unnamed sources in full; not by an occasion ("at a press conference")."""
    found = _POSTMODIFIER_AFTER_ROLE.match(following)
    if found is None or found.group(1).split()[-1].lower() in _OCCASION_NOUNS:
        return phrase
    return f"{phrase} {found.group(1)}"


_POSTMODIFIER_AFTER_ROLE = re.compile(
    r"\s+((?:(?:involved|based|working|living|present|interviewed|polled|surveyed)\s+(?:in|with|at|by|on)|at|in|from|"
    r"with|on)\s+(?:the|a|an|one of the)\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)(?=[,.;:!?]|\s*$)")
_OCCASION_NOUNS = frozenset({"conference", "briefing", "meeting", "interview", "statement", "event", "ceremony",
                             "forum", "hearing", "summit", "session", "speech", "call", "email", "letter", "post",
                             "tweet", "video", "time", "weekend", "week", "month", "year", "day", "morning", "evening",
                             "night", "afternoon", "moment", "message", "phone", "television", "radio", "press"})


def _names_someone(segment: str) -> bool:
    """Whether a segment ends in a name ("Cong Yi" of "echoed by Cong Yi, an economics professor ..., who")."""
    tail = _trailing_np(segment)
    return tail is not None and bool(_split_name(tail[0])[0])


def _role_head(phrase: str) -> str:
    """The last word before any "at"/"of"/"from" link, lower-cased: "nurse" of "nurse from the ... Center"."""
    head = ""
    for word in phrase.split():
        if word.lower() in _LINKS:
            break
        head = _bare(word).lower()
    return head


@lru_cache(maxsize=1 << 16)
def _is_role_description(phrase: str) -> bool:
    """A short phrase whose head, before any "at"/"of"/"for" link, is a person's role word."""
    head = []
    for word in phrase.split():
        if word.lower() in _LINKS:
            break
        head.append(_bare(word))
    return 0 < len(head) <= 5 and sources.role_words().get(head[-1].lower(), ("", ""))[1] in ("role", "weak_role")


def _is_national_role(words: list[str]) -> bool:
    """A nationality and a role, then a place or nothing: "South African consul general in Shanghai", "US
    ambassador to China" (not "Chinese officials said ...")."""
    nationality = next((size for size in (3, 2, 1) if " ".join(words[:size]) in sources.nationality_words()), 0)
    rest = words[nationality:]
    roles = 0
    while roles < len(rest) and rest[roles].islower() and rest[roles] not in _PREPOSITIONS and \
            (_role_word(rest[roles]) or rest[roles] in _ADJECTIVES):
        roles += 1
    return bool(nationality) and roles > 0 and _role_word(rest[roles - 1]) and not rest[roles - 1].endswith("s") \
        and (roles == len(rest) or rest[roles] in _PREPOSITIONS)


@lru_cache(maxsize=1 << 16)
def _is_descriptor(phrase: str) -> bool:
    """An appositive that describes a source: "a professor at ...", "director of ..."."""
    words = phrase.split()
    if len(words) > 1 and words[0][0].isupper() and words[0].endswith("'s"):  # "China's permanent representative
        head = words[2] if words[1].lower() in _ADJECTIVES and len(words) > 2 else words[1]  # to the UN"
        return _role_word(head)
    if len(words) > 1 and words[0][0].isupper():
        return _is_national_role(words)
    if not words or not words[0][0].islower():
        return False
    first = words[0].lower()
    if first == "the" and len(words) > 1 and _is_cap(words[1]):
        named = next((index for index, word in enumerate(words[1:], 1)
                      if not (_is_cap(word) or word in _CONNECTORS or word == "and")), len(words))
        head = sources.role_words().get(_bare(words[named - 1]).lower(), ("", ""))[1]
        if (named == len(words) or words[named].lower() in _cue_lexicon()[0]) and head not in ("role", "weak_role") \
                and sources.organisation_word_in(" ".join(words[1:named])):
            return False  # a name of its own: "El Salvador, the Center for Economic and Policy Research said"
    return first in ("a", "an", "the", "who", "which", "also", "formerly", "now") or _role_word(first) \
        or (first in _ADJECTIVES and len(words) > 1 and _role_word(words[1])) \
        or first not in _CLAUSE_WORDS and first not in _SUBORDINATORS and first not in _PRONOUNS \
        and _is_role_description(phrase)  # "adjunct professor at the department of ..."


_COORDINATORS = ("and", "but", "so", "then")
_SUBORDINATORS = ("when", "while", "because", "although", "though", "after", "before", "since", "until", "once", "that")
_OPENING_SUBORDINATORS = frozenset(_SUBORDINATORS) | {"as", "whereas"}


def _clause_lead(sentence: str) -> tuple[bool, str | None]:
    """Whether a clause subject may follow ``sentence`` (the text before a name, from its sentence start), and the
    leading adverbial that lets it if that is why. It may when the text is blank, ends a sentence (". ", '."'),
    ends in ", and"/", but"/", so"/", then" or a subordinator ("when", "that"), or is one adverbial of at most
    200 characters ended by a comma ("Down the street,"). Tested on the end of the text with string methods (a
    regex anchored at the end is tried at every position)."""
    end = sentence.rstrip()
    if end.endswith(",") and 2 <= len(end) <= 201 and not any(mark in end[:-1] for mark in ";.!?\x01"):
        return True, end[:-1]
    if not end or end.rstrip("\x01'\")")[-1:] in (".", "!", "?"):
        return True, None
    if not end.endswith(_COORDINATORS + _SUBORDINATORS):
        return False, None
    for word in _COORDINATORS:
        if end.endswith(word) and end[:-len(word)].rstrip().endswith(","):
            return True, None
    for word in _SUBORDINATORS:
        before = end[-len(word) - 1:-len(word)] if len(end) > len(word) else ""
        if end.endswith(word) and not (before.isalnum() or before == "_"):  # a whole word
            return True, None
    return False, None


_NOT_PREDICATE = frozenset({"of", "and", "or", "in", "at", "on", "for", "with", "to", "from", "by", "as", "than",
                            "nor", "into", "about"})


_REPORTED_CLAUSE_START = re.compile(r"\b(?:said|says|say|told\s+[\w\s']{1,30}?|added|argued|warned|stressed|noted|"
                                    r"claimed|insisted|believes|believed)\s+(?:that\s+)?(?:(?:when|if|while|because|as|"
                                    r"since|after|before|though|although)\s+)?$")


def _is_subject_position(before: str, after: str) -> bool:
    """Whether a name between ``before`` and ``after`` (same paragraph) is the subject of a clause: it opens
    a sentence, follows a clause word or a leading adverbial ("Down the street, Mike McFadden also
    rejoiced", "Having visited China several times, Miculka has seen"), and is followed by a predicate or an
    appositive (not "of", "and", a possessive)."""
    follower = after.lstrip()
    if not follower or follower.startswith(("'s", "'")):
        return False
    # an appositive or a parenthesis may follow: "Australia's Daily Telegraph - a tabloid"
    if follower[0] not in ",(\u2014-" and not (follower[0].islower() and follower.split()[0] not in _NOT_PREDICATE):
        return False
    sentence = _SENTENCE_END.split(before)[-1] if before.strip() else ""
    if _REPORTED_CLAUSE_START.search(sentence):
        return False  # "Townshend said when Donald Trump spread ...": a subject inside what is reported
    opens, adverbial = _clause_lead(sentence)
    if not opens:
        return False
    if adverbial is not None:
        first = adverbial.split()[0].lower() if adverbial.split() else ""
        if first in ("the", "a", "an") and follower[0] == "," and _is_role_description(adverbial.split(" to ")[0]):
            return True  # "The Chinese ambassador to the UK, Liu Xiaoming, delivered": the role's name
        if first not in _LEADING_ADVERBIAL_WORDS and not first.endswith(("ly", "ing")) and first not in _CLAUSE_WORDS \
                and first not in ("down", "up", "back", "now", "then", "eventually", "soon", "today", "yesterday"):
            return False
    return True


@lru_cache(maxsize=1 << 16)
def _may_be_person(name: str) -> bool:
    """Whether "he" or "she" can stand for a source of this name: not an acronym ("PBO", "N.S.",
    "Burnaby RCMP") and not a lower-case phrase that is no role ("documents")."""
    words = name.split()
    if not words:
        return False
    last = words[-1].replace(".", "")
    if len(last) >= 2 and last.isupper():
        return False
    return not name[0].islower() or _role_word(words[-1]) or _role_word(_role_head(name))


@lru_cache(maxsize=1 << 16)
def _is_group(name: str) -> bool:
    """Two names joined by "and", or a plural role ("officials", "industry representatives")."""
    words = name.split()
    if " and " in name or not words:
        return " and " in name
    cut = next((index for index, word in enumerate(words) if index and word in ("in", "at", "from", "of", "with")),
               len(words))  # "Opposition lawmakers in the city": the head before where they are
    head = words[cut - 1].lower()
    return head.endswith("s") and (sources.role_words().get(head, ("", ""))[1] in ("role", "weak_role")
                                   or sources.role_words().get(head[:-1], ("", ""))[1] in ("role", "weak_role"))


def _strip_clause_words(segment: str) -> str:
    words = segment.split()
    while words and words[0].lower() in _CLAUSE_WORDS:
        words = words[1:]
    return " ".join(words)


def _is_place(segment: str) -> bool:
    """A short all-capitalised segment naming a place ("South China's Guangdong")."""
    words = segment.split()
    return 0 < len(words) <= 4 and all(_is_cap(w) or w.lower() in _CONNECTORS for w in words) and any(
        _bare(w).removesuffix("'s") in sources.nationality_words() for w in words)


def _phrase_alternation(file_name: str, column: str) -> str:
    """A regex alternation of the lower-cased phrases in one column of a lexicon file, longest first, any run of
    white space between their words."""
    with open(sources.LEXICONS / file_name, newline="", encoding="utf-8") as handle:
        phrases = sorted((" ".join(row[column].lower().split()) for row in csv.DictReader(handle)), key=len,
                         reverse=True)
    return "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases if phrase)


@lru_cache(maxsize=None)
def _headline() -> re.Pattern:
    """A newspaper and its front page in a press review: "The Times has \x01...\x01", "the Telegraph leads with
    \x01...\x01" (verbs from ``lexicons/headline_verbs.csv``; the quotation is masked)."""
    verbs = _phrase_alternation("headline_verbs.csv", "verb")
    return re.compile(rf"(?P<outlet>\b(?:[Tt]he\s+)?[A-Z][\w'&]*(?:\s+[A-Z][\w'&]*){{0,3}})\s+(?P<verb>{verbs})"
                      r"(?:\s+(?:the|a)\s+headline)?\s*:?\s*\x01")


@lru_cache(maxsize=None)
def _speech_request() -> re.Pattern:
    """Words that ask for a statement rather than report one, up to two words before a noun cue ("sought
    comment", "a request for comment"), from ``lexicons/speech_requests.csv``."""
    alternatives = _phrase_alternation("speech_requests.csv", "phrase")
    return re.compile(rf"\b(?:{alternatives})\s+(?:[a-z][\w\-]*\s+){{0,2}}$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _catenative() -> re.Pattern:
    """A verb that hands its subject to the reporting verb after "to" ("sought to make clear", "used a television
    interview on Sunday to accuse"), from ``lexicons/catenatives.csv``; an object of up to six words may follow."""
    alternatives = _phrase_alternation("catenatives.csv", "verb")
    return re.compile(rf"\s+(?:{alternatives})(?:\s+(?:a|an|the|his|her|its|their|this)(?:\s+[\w'\-]+){{1,6}}?)?\s+to$")


# a name or title in quotation marks: one to four capitalised words ("Occupy", "Occupy Central", "Made in China 2025")
_QUOTED_NAME = re.compile(r"[A-Z][\w\-']*(?:\s+(?:[A-Z0-9][\w\-']*|of|in|and|the|for|on)){0,3}")


@lru_cache(maxsize=None)
def _set_phrases() -> frozenset[str]:
    path = sources.LEXICONS / "quoted_set_phrases.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        return frozenset(_phrase_key(row["phrase"]) for row in csv.DictReader(handle))


def _phrase_key(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


# (narrower than sources' _ADJECTIVE_ENDING, which also takes "an" and "i": "Japan", "Iran" and "Mali" are countries)
_ADJECTIVAL_ENDING = re.compile(r"(?:ese|ish|ian|ean|ican|ch)$")


def _nationality_adjective(name: str) -> bool:
    """Whether ``name`` is a nationality adjective ("Chinese" of "The Chinese embassy in Moscow"), which "it" never
    stands for, unlike a country ("China said it ...")."""
    return name in sources.nationality_words() and _ADJECTIVAL_ENDING.search(name) is not None


@lru_cache(maxsize=1 << 16)
def _words_of(name: str) -> tuple[str, ...]:
    return tuple(name.split())


_NAME_ARTICLE = re.compile(r"^(?:al|el|Al|El|ad|ash|as)-(?=[A-Z])")


def _without_name_articles(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a name without an Arabic article joined to them ("al-Sisi" -> "Sisi", "al-Assad" -> "Assad"),
    so the short form a report uses finds the full name."""
    return tuple(_NAME_ARTICLE.sub("", word) for word in words)


def _is_set_phrase(inner: str) -> bool:
    """A quoted set phrase ("two sessions"); a long quote cannot be one, so it is not tokenized."""
    return len(inner) <= _longest_set_phrase() * 2 + 8 and _phrase_key(inner) in _set_phrases()


@lru_cache(maxsize=None)
def _longest_set_phrase() -> int:
    return max((len(phrase) for phrase in _set_phrases()), default=0)


# ---------------------------------------------------------------- public API


def extract_attributions(paragraphs: pd.DataFrame, *, registry=None, articles: pd.DataFrame | None = None
                         ) -> pd.DataFrame:
    """One row per (paragraph, source) credited with a statement; see the module docstring.

    ``paragraphs``: the ``corpus.paragraphs`` table (article, paragraph, text).
    ``registry``: None, a CSV path or a DataFrame of extra known sources
    (name, aliases ["|"-separated], category, origin, kind) that extends
    ``lexicons/known_sources.csv``. ``articles``: the ``corpus.articles`` table
    (article, outlet), optional; an outlet found in the registry tells the
    home country of its articles (see :func:`_home_origins`). Returns the
    columns of :data:`COLUMNS`, sorted by paragraph and position of the first
    mention.
    """
    for column in ("article", "paragraph", "text"):
        if column not in paragraphs.columns:
            raise InputError(f"paragraphs: missing column {column!r}")
    known = sources.load_registry(registry)
    homes = _home_origins(articles, known)
    collecting = gc.isenabled()
    gc.disable()  # the run allocates many small objects but frees them by reference counting
    try:
        rows = _extract_rows(paragraphs, known, homes)
    finally:
        if collecting:
            gc.enable()
    rows.sort(key=lambda row: (row[2], row[0], row[3]))  # paragraph, mention position, speaker; stable
    return pd.DataFrame([row[1:] for row in rows], columns=COLUMNS)


_EDITION = re.compile(r"\s*\([^)]*\)\s*$")


def _home_origins(articles: pd.DataFrame | None, registry: dict[str, sources.KnownSource]) -> dict:
    """article -> the origin of its outlet, for the articles whose outlet is a registered source ("China Daily",
    "China Daily (US edition)": an edition in brackets is the outlet's)."""
    if articles is None or "outlet" not in articles.columns or "article" not in articles.columns:
        return {}
    homes = {}
    for article, outlet in zip(articles["article"].tolist(), articles["outlet"].tolist()):
        if isinstance(outlet, str) and outlet.strip():
            entry = sources.lookup(registry, _EDITION.sub("", outlet))
            if entry is not None:
                homes[article] = entry.origin
    return homes


def _extract_rows(paragraphs: pd.DataFrame, known: dict[str, sources.KnownSource], homes: dict) -> list[tuple]:
    """Rows of every article in ``paragraphs`` (still unsorted, with the mention position first); ``homes``:
    article -> the origin of its outlet, where known."""
    rows: list[tuple] = []
    records: list[tuple] = []
    article_state: _Article | None = None
    current_article = None
    previous_speaker = earlier_speaker = None
    for article, number, text in zip(paragraphs["article"].tolist(), paragraphs["paragraph"].tolist(),
                                     paragraphs["text"].tolist()):
        if article != current_article or article_state is None:
            if article_state is not None:
                rows.extend(_finish(records, known, article_state))
            records = []
            article_state = _Article(known, homes.get(article))
            current_article = article
            previous_speaker = earlier_speaker = None
        text = text if isinstance(text, str) else ""
        if "\u2022" in text:  # Guardian bullets run on without a space (".\u2022The head of the WHO said")
            text = text.replace("\u2022", " ")
        if text.startswith(">"):  # a quoted bullet ("> The health minister said ...")
            text = " " + text[1:]
        elif text[:2] in _LEADING_BULLETS:  # a listed one ("\u00b7 A foreign ministry spokesperson said ...")
            text = "  " + text[2:]
        section = _NEWSLETTER_LABEL.match(text) if ":" in text[:14] else None
        if section:  # "Related: The Labor Department reported ...", "Breaking: President Trump said ...": no speaker
            text = " " * section.end() + text[section.end():]
        cues = None
        if '"' not in text and "''" not in text:
            cues = _find_cues(text)
            if not cues and not (": '" in text and _COLON_QUOTE.match(text)):  # most paragraphs: nothing to credit,
                # kept only for later name look-ups
                article_state.add_text(int(number), text)
                earlier_speaker, previous_speaker = previous_speaker, None
                signed = _signature(text) if text[-1:].isalnum() or text.endswith((")", ".")) else None
                if signed is not None:  # an embedded post or pull quote signed by its author
                    entity = _signer(article_state, signed, int(number))
                    entity.spoke = True
                    records.append((article, int(number), signed[1], entity, signed[0], signed[2], []))
                continue
        paragraph = _Paragraph(text, int(number), article_state)
        paragraph.run(cues)
        opens_with_quote = paragraph.text.lstrip().startswith(('"', "''"))
        credit = paragraph.credit_quotes(previous_speaker if opens_with_quote else None,
                                         earlier_speaker if opens_with_quote else None)
        earlier_speaker = previous_speaker
        previous_speaker = None
        merged: dict[int, list] = {}
        for index, hit in enumerate(paragraph.hits):
            for entity in hit.entity.members or (hit.entity,):  # a joint source: one record per member
                entry = merged.setdefault(id(entity), [entity, hit.mention, hit.cue, hit.position, []])
                entry[3] = min(entry[3], hit.position)
                entry[4].extend(credit.get(index, []))
        for entity, mention, cue, position, spans in merged.values():
            records.append((article, int(number), position, entity, mention, cue, spans))
        signed = _signature(text) if "(@" in text else None
        if signed is not None and signed[2] == "post":  # an embedded post whose own words hold a cue ("... reading
            entity = _signer(article_state, signed, int(number))  # their posts.— Cale Brown (@StateDeputySPOX) ...")
            if id(entity) not in merged:
                entity.spoke = True
                records.append((article, int(number), signed[1], entity, signed[0], signed[2], []))
        quoted = [hit for index, hit in enumerate(paragraph.hits) if credit.get(index) and not hit.embedded] or \
            [hit for hit in paragraph.hits if not hit.relay and not hit.embedded]
        if quoted:
            last = quoted[-1]
            previous_speaker = (last.entity, last.mention, last.cue)
    if article_state is not None:  # an empty table has no article to finish
        rows.extend(_finish(records, known, article_state))
    return rows


# the name may be followed by its Chinese form, or by the "???" it became in a Latin-1 copy ("Hu Xijin ???")
_POST_SIGNATURE = re.compile(r"(?:\u2014|[\s.!?\"]-{1,2})\s*(?P<name>[A-Z][\w.'\-]*(?:\s+(?:[A-Z][\w.'\-]*|(?:to|of|for|"
                             r"the|and)(?=\s+[A-Z]))){0,6})"
                             r"(?:\s+(?:\?+|[^\x00-\x7f]+))*\s*\(@\w{1,30}\)\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})?\s*$")
_PULL_QUOTE_SIGNATURE = re.compile(r"[.!?]\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][\w'\-]+){1,2})(?:,\s*[A-Z][\w.]*)?\s*$")


@lru_cache(maxsize=1024)
def _acronym_pattern(acronym: str) -> re.Pattern:
    """Capitalised words with the initials of ``acronym``, joined by spaces, commas, "and", "of", "for",
    "the" or "&": "Immigration, Refugees and Citizenship Canada" for IRCC."""
    link = r"(?:,?\s+(?:(?:and|of|for|the|&)\s+)*)"
    return re.compile(r"\b" + link.join(f"{letter}[a-z][\\w'\\-]*" for letter in acronym) + r"\b")


def _signer(article_state: _Article, signed: tuple[str, int, str], number: int) -> Entity:
    """The author of a :func:`_signature`, the title split from the name ("Senator Penny Wong")."""
    name, title = _split_name(signed[0])
    return article_state.entity_for_name(name or signed[0], title, (number, signed[1]), signed[0])


def _signature(text: str) -> tuple[str, int, str] | None:
    """(name, position, cue) when a paragraph ends with its author's signature: an embedded post
    ("... — BC Hydro (@bchydro) December 22, 2018") or a pull quote ending in a personal name with a known
    first name ("... what it's brought me. Morgan McNeely")."""
    post = _POST_SIGNATURE.search(text) if "(@" in text else None
    if post:
        return post.group("name"), post.start("name"), "post"
    # a pull-quote signature spans at most the last five words: the search starts there, not at every ". "
    head = text.rsplit(None, 5)
    pull = _PULL_QUOTE_SIGNATURE.search(text, len(head[0]) if len(head) == 6 else 0)
    if pull and pull.group("name").split()[0] in sources.first_name_genders():
        return pull.group("name"), pull.start("name"), ""
    return None


def _affiliation(entity: Entity, registry: dict) -> sources.KnownSource | None:
    """The first well-known organisation named in the source's description ("the WHO's top official")."""
    if entity.known is not None:
        return None
    owner = entity.name.partition("'s ")[0] if "'s " in entity.name else ""
    known = sources.lookup(registry, owner) if owner else None
    if known is not None and known.kind == "org":  # "State Council's Joint Prevention and Control Mechanism"
        return known
    words = entity.name.split()
    if entity.kind == "org" and len(words) >= 2 and sources.organisation_word_in(words[-1]):
        known = sources.lookup(registry, " ".join(words[:-1]))
        if known is not None:  # "Trump administration", "Morrison government": the leader's or body's country
            return known
    for text in [*entity.descriptors, *entity.aliases]:  # "the ICTV group" is a body of the ICTV
        for name, qualifier in _affiliation_names(text):
            known = sources.lookup(registry, name) or _lookup_without_nationality(registry, name)
            if known is not None and known.category.endswith("media") and qualifier in ("of", "for"):
                continue  # "International Union for Conservation of Nature" is no body of the journal Nature
            if known is not None and known.kind == "org" and \
                    sources.nationality_words().get(qualifier, known.origin) == known.origin:
                return known  # "the Peruvian Foreign Ministry" is not the (Chinese) Foreign Ministry
    return None


@lru_cache(maxsize=1 << 16)
def _affiliation_names(text: str) -> tuple[tuple[str, str], ...]:
    """(name, qualifier) of each tail of a capitalised run in the current part of a description, in order: the
    names :func:`_affiliation` looks up, with the word before each (a place qualifies the organisation)."""
    names = []
    for run in _NAME_RUN.finditer(_current_part(text)):
        words = _ACRONYM.sub("", run.group(0)).removesuffix("'s").split()  # "... Organization (WHO)"
        title = next((index for index, word in enumerate(words) if index and _role_word(word)
                      and sources.role_words().get(word.lower(), ("", ""))[1] != "org"), None)
        if title is not None:  # "World Bank President Jim Yong Kim": the body before the title
            names.append((" ".join(words[:title]), ""))
        for start in range(len(words)):
            if words[start].lower() in _CONNECTORS or words[start] in _NOT_NAMES:
                continue
            qualifier = words[start - 1].removesuffix("'s") if start else ""
            if _is_cap(qualifier) and qualifier not in sources.nationality_words() and qualifier not in _NOT_NAMES:
                continue  # "the APEC Foreign Ministry" is not "the Foreign Ministry" of the registry
            names.append((" ".join(words[start:]), qualifier))
        names.extend((" ".join(words[:index]) + " " + word[:-2], "") if index else (word[:-2], "")
                     for index, word in enumerate(words[:-1]) if word.endswith("'s"))  # "Volkswagen's China unit"
        names.extend((" ".join(words[:index + 1]), "") for index, word in enumerate(words[:-1]) if index and
                     word in ("University", "College"))  # "Johns Hopkins University Paul H. Nitze School of ...":
        # a university before one of its schools
        if len(words) >= 2 and len(words[0]) >= 2 and words[0].isupper() and not sources.organisation_word_in(
                " ".join(words[1:])):  # "the WHO Health Emergencies Programme": a unit of the WHO (not "the EU
            names.append((words[0], ""))  # Chamber of Commerce", whose own word decides)
    return tuple(names)


_FORMER = re.compile(r"\b(?:former|formerly|ex-|once|previously)\s*", re.IGNORECASE)
_CURRENT_AFTER_FORMER = re.compile(r"\b(?:now|currently|and now|who is now)\b", re.IGNORECASE)


def _current_part(text: str) -> str:
    """A description without its past roles: "former business professor at Tsinghua University" -> "" and
    "a former diplomat, now a fellow at Chatham House" -> "now a fellow at Chatham House". The current
    affiliation decides the origin."""
    former = _FORMER.search(text)
    if former is None:
        return text
    current = _CURRENT_AFTER_FORMER.search(text, former.end())
    return text[:former.start()] + (text[current.start():] if current else "")


# a nationality word followed by a lower-case content word is an adjective ("Chinese people"), not a place
_ADJECTIVE_USE = re.compile(
    r" (?!(?:and|or|but|to|in|on|for|of|with|at|by|from|as|is|are|was|were|has|have|had|said|says|will|would|"
    r"which|who|that|after|before|since|during|province|city|municipality|region)\b)[a-z]")


def _unqualified_official(entity: Entity, category: str, affiliation: sources.KnownSource | None) -> bool:
    """An unnamed official source with no country of its own: "officials", "a senior government official"."""
    if category != "official" or entity.known is not None or affiliation is not None:
        return False
    if not all(_role_word(word) or word.lower() in _ADJECTIVES or word.lower() in _DETERMINERS
               or word[:1].islower() for word in entity.name.split()):
        return False
    return not _names_country(entity)


# "Wuhu, Anhui province": a place the article puts in a Chinese province
_IN_PROVINCE = re.compile(r"\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+([A-Z][a-z]+)\s+[Pp]rovince\b")


def _chinese_places(article: _Article) -> frozenset[str]:
    """Places the article itself locates in a Chinese province ("Wuhu, Anhui province", "Dalian, Liaoning
    province"), beyond the places of ``nationality_words.csv``: their sources are Chinese."""
    words = sources.nationality_words()
    return frozenset(match.group(1) for text in article.texts.values() if "rovince" in text
                     for match in _IN_PROVINCE.finditer(text)
                     if words.get(match.group(2)) == "chinese" and match.group(1) not in words)


def _describing(texts: list[str]) -> list[str]:
    """The descriptions and aliases that can classify a source: not a relative clause that tells what the source
    did and names no role ("who called what the Chinese counterparts did")."""
    return [text for text in texts if not (text.startswith(("who ", "which ")) and not any(
        _role_word(word) or sources.organisation_word_in(word) for word in text.split()))]


def _administrative_area(name: str) -> bool:
    """Whether a name ends in an administrative unit ("Xicheng district", "Fengtai District"): a local government."""
    words = name.split()
    units = sources.administrative_units()
    size = 2 if len(words) >= 3 and " ".join(words[-2:]).lower() in units else 1  # "Pudong new area"
    return len(words) > size and words[-1].lower() in units and all(word[:1].isupper() for word in words[:-size])


def _unplaced(entity: Entity, affiliation: sources.KnownSource | None) -> bool:
    """An organisation or an unnamed group with no country of its own ("Yumin Primary School", "local health
    officials"), which belongs to the country the article is about; a named person keeps the default."""
    if entity.known is not None or affiliation is not None or entity.document or _names_country(entity) \
            or _ABROAD.search(entity.name):
        return False  # a document's origin is its issuer's; "some countries" are other countries
    return entity.kind == "org" or not entity.name[:1].isupper() or _administrative_area(entity.name)


_ABROAD = re.compile(r"\b(?:countries|nations|foreign|overseas|international|global|world)\b", re.IGNORECASE)


def _mere_place(entity: Entity) -> bool:
    """A country, place or nationality word that has never spoken nor been a clause subject ("a lab in Wuhan",
    "Chinese"): no antecedent for "it". A body of the registry ("the EU") stays one."""
    return entity.name in sources.nationality_words() and not entity.spoke and entity.subject_seen == _NEVER \
        and entity.known is None


def _names_country(entity: Entity) -> bool:
    """Whether a country or nationality word is in the entity's name, descriptions or aliases."""
    return any(sources.nationality_pattern().search(text) for text in [entity.name, *entity.descriptors,
                                                                          *entity.aliases])


def _named_elsewhere(article: _Article, records: list[tuple]) -> dict[int, Entity]:
    """{id(role source): person} for a definite role with no name ("the WHL commissioner") that is the whole
    description of exactly one named person of the article ("WHL commissioner Ron Robison"), wherever named."""
    found: dict[int, Entity] = {}
    for entity in {id(record[3]): record[3] for record in records}.values():
        words = entity.name.split()
        if entity.known is not None or entity.kind != "person" or entity.members or not words \
                or not words[-1].islower() or _is_group(entity.name) \
                or sources.role_words().get(words[-1], ("", ""))[1] not in ("role", "weak_role") \
                or not any(alias.lower().startswith("the ") for alias in entity.aliases):
            continue
        holders = [other for other in article.entities if other is not entity and other.kind == "person"
                   and not other.members and other.name.split()[-1][:1].isupper()
                   and any(text.lower() == entity.name.lower() for text in other.descriptors)]
        if len(holders) == 1:
            found[id(entity)] = holders[0]
    for entity in {id(record[3]): record[3] for record in records}.values():
        named_next = _lede_role_named_next(article, entity)
        if named_next is not None and id(entity) not in found:
            found[id(entity)] = named_next
    return found


def _lede_role_named_next(article: _Article, role: Entity) -> Entity | None:
    """The person a lede's indefinite role stands for: "..., a top researcher has warned." in the first two
    paragraphs, then the next person to speak, within three paragraphs and with no other named speaker between,
    named with a role of the same category ("One of the authors, Ashley Townshend, ... told")."""
    words = role.name.split()
    head = sources.role_words().get(_bare(words[-1]).lower(), ("", "")) if words else ("", "")
    if role.known is not None or role.kind != "person" or role.members or not words[-1].islower() \
            or head[1] not in ("role", "weak_role") \
            or not any(alias.split()[0].lower() in ("a", "an") or alias.split()[0].endswith("'s")
                       and alias.split()[0][:-2] in sources.nationality_words()
                       for alias in (role.name, *role.aliases) if alias.split()):
        return None  # (an indefinite role, or a country's: "Egypt's military chief called for ...")
    category = sources.classify(role.name, role.descriptors, None)[0]
    if category not in ("official", "expert", "business"):
        return None
    spoke = [where for where, entity in article.last_speakers if entity is role]
    if not spoke or article.index_of.get(spoke[0][0], 9) > 1:
        return None
    last = article.index_of.get(spoke[0][0], 9) + 3
    for where, entity in article.last_speakers:
        if where <= spoke[0] or entity is role:
            continue
        if article.index_of.get(where[0], 99) > last:
            return None
        if entity.kind == "person" and not entity.members and len(entity.name.split()) >= 2 \
                and _is_cap(entity.name.split()[0]) and not entity.name.split()[-1].islower() \
                and entity.known is None:  # a name, not a role ("an Australian minister")
            own = sources.classify(entity.name, entity.descriptors, None)[0]
            same = own == category or own == "other" and not entity.descriptors  # (no role of their own: the lede's)
            return entity if same else None
    return None


def _described_later(article: _Article) -> dict[int, str]:
    """{id(person): category} for a named person with no role of their own who is followed, as the next speaker,
    by an unnamed definite role ("Simon Birmingham has warned ... The trade minister told ABC's Insiders"), or
    who follows one as the next speaker (a lede's "the trade minister has said", then "Simon Birmingham also
    used ..."): the article describes its speaker apart from the name, so the role's category labels the person."""
    found: dict[int, str] = {}
    previous = None
    for where, entity in article.last_speakers:
        definite_role = None
        if entity.known is None and entity.kind == "person" and entity.name.split()[-1].islower():
            head = _bare(entity.name.split()[-1]).lower()  # "trade minister", "Australian trade minister"
            role = sources.role_words().get(head, ("", ""))
            definite = role[1] in ("role", "weak_role") and role[0] in ("official", "expert", "business") and \
                any(alias.split()[0].lower() == "the" for alias in entity.aliases)
            if previous is not None and id(previous) not in found and definite:
                found[id(previous)] = role[0]
            previous, definite_role = None, role[0] if definite else None
        elif entity.kind == "person" and _is_cap(entity.name.split()[0]) and \
                not any(_is_role_description(text) for text in entity.descriptors):
            previous = entity
        else:
            previous = None
        if definite_role is not None:
            successor = _named_next(article, where[0])
            if successor is not None and id(successor) not in found:
                found[id(successor)] = definite_role
    return found


def _named_next(article: _Article, number: int) -> Entity | None:
    """The one person first named, as a clause subject, in the paragraph after ``number`` with no role of their
    own: a lede's "the Australian trade minister has said", then "Simon Birmingham also used ..."."""
    following = article.order[article.index_of.get(number, -2) + 1:][:1]
    if not following:
        return None
    article.register_window(following[0], 0)
    named = [entity for entity in article.entities if entity.kind == "person" and not entity.members
             and len(entity.name.split()) >= 2 and _is_cap(entity.name.split()[0]) and entity.known is None
             and entity.seen and min(entity.seen)[0] == following[0] and entity.subject_places
             and min(entity.subject_places) == min(entity.seen)
             and not any(_is_role_description(text) for text in entity.descriptors)]
    return named[0] if len(named) == 1 else None


_STATE_WORDS = frozenset({"state", "state-run", "state-owned", "state-controlled", "state-backed", "official",
                          "government", "government-run", "party", "local", "national"})


def _unqualified_media(entity: Entity, category: str, affiliation: sources.KnownSource | None) -> bool:
    """Media of a state or place named by common words only, with no country: "state media", "state-run
    media", "official media", "local media" (not "the editorial" of some journal)."""
    if not category.endswith("media") or entity.known is not None or affiliation is not None:
        return False
    words = entity.name.lower().split()
    if not all(word.islower() for word in entity.name.split()) or not _STATE_WORDS.intersection(words):
        return False
    return not any(sources.nationality_pattern().search(text) for text in [entity.name, *entity.descriptors,
                                                                           *entity.aliases])


def _article_country(article: _Article, number: int) -> str | None:
    """The origin of the country or place named most often in the article up to paragraph ``number`` (ties: none; a
    nationality adjective before a common noun names no place), for a source that belongs to "the country" the
    report is about. The counts are made once per paragraph."""
    if number not in article.countries:
        article.countries[number] = _count_article_places(article, number)
    counts = article.countries[number]
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=counts.get)


def _domestic(article: _Article, number: int) -> bool:
    """Whether the article is a home story: the country it is about (:func:`_article_country`) is its outlet's. An
    unplaced expert, company or study of a home story is then of that country ("the scientist", "the study" in a
    China Daily report on China); in a story about another country an outlet's unnamed experts may come from
    anywhere, and the default holds."""
    return article.home is not None and _article_country(article, number) == article.home


def _count_article_places(article: _Article, number: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for earlier in article.order:
        if earlier > number:
            break
        for origin in _places_named(article.texts[earlier]):
            counts[origin] = counts.get(origin, 0) + 1
    return counts


@lru_cache(maxsize=1 << 16)
def _places_named(text: str) -> tuple[str, ...]:
    """The origin of each country or place ``text`` names, in order; cached, as :func:`_count_article_places`
    counts every earlier paragraph of an article again for each paragraph it is asked about."""
    origins = []
    for match in sources.nationality_pattern().finditer(text):
        if not match.group(1).endswith("'s") and _ADJECTIVE_USE.match(text, match.end()):
            continue  # "Chinese people" names no place
        origins.append(sources.nationality_words()[match.group(1)])
    return tuple(origins)


def _place_before(article: _Article, number: int, position: int) -> str | None:
    """The origin of the last country or place named before ``position`` in the same paragraph: whose
    "officials" an unqualified mention means ("... China's foreign trade goods ..., a senior government
    official said"). A nationality adjective before a common noun ("Chinese people") names no place."""
    text = article.texts.get(number, "")[:position]
    found = [match.group(1) for match in sources.nationality_pattern().finditer(text)
             if match.group(1).endswith("'s") or not _ADJECTIVE_USE.match(text, match.end())]
    return sources.nationality_words()[found[-1]] if found else None


def _is_bare_title(name: str) -> bool:
    """A single capitalised role word used as a name ("President", "Premier")."""
    return " " not in name and name[:1].isupper() and name[1:].islower() and name.lower() in sources.role_words()


def _title_holder(article: _Article, title: str, registry: dict) -> sources.KnownSource | None:
    """The one registered person the article names with ``title`` ("President Xi Jinping"), None if there are
    none or several."""
    texts = [text for text in article.texts.values() if title + " " in text]  # only these can match
    if not texts:
        return None
    pattern = re.compile(rf"\b{re.escape(title)} ((?:[A-Z][\w'-]+ ){{0,2}}[A-Z][\w'-]+)")
    holders = {}
    for text in texts:
        for match in pattern.finditer(text):
            known = sources.lookup(registry, match.group(1))
            if known is not None and known.kind == "person":
                holders[known.name] = known
    return next(iter(holders.values())) if len(holders) == 1 else None


@lru_cache(maxsize=1024)
def _words_to_role(role: str) -> re.Pattern:
    """What follows the nationality in "<nationality> [one or two lower-case words] <role>": spaces, the words and
    ``role`` as a whole word ("100 Chinese scholars", "Chinese health officials")."""
    return re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}{re.escape(role)}\b")


def _group_nationalities(text: str, role: str) -> list[str]:
    """The nationality word of each "<nationality> [one or two lower-case words] <role>" in ``text``, as
    ``finditer`` of the one pattern :func:`sources.nationality_pattern` + :func:`_words_to_role` would find
    them, without compiling a pattern of every place name for each role. As in that pattern's trie, the
    longest nationality word at a position that ends a word and that the rest can follow wins."""
    nationality, rest, words = sources.nationality_pattern(), _words_to_role(role), sources.nationality_words()
    found, position = [], 0
    while (start := nationality.search(text, position)) is not None:
        position = start.start() + 1
        longest = start.group(1)
        for size in range(len(longest), 0, -1):
            end = start.start() + size
            if longest[:size] not in words or size < len(longest) and _joins_word(text, end):
                continue
            following = rest.match(text, end)
            if following is not None:
                found.append(longest[:size])
                position = following.end()
                break
    return found


def _joins_word(text: str, index: int) -> bool:
    """Whether the character at ``index`` continues a word: a regex word character or a hyphen."""
    return index < len(text) and (text[index].isalnum() or text[index] in "_-")


def _earlier_group_origin(article: _Article, entity: Entity, mention: str, number: int, position: int) -> str | None:
    """The origin of the group a definite bare plural role refers back to: "the scholars" are the "100 Chinese
    scholars" named earlier in the article (every earlier "<nationality> [one or two words] <role>" agrees), None
    if there is none or they disagree ("American officials" ... "Chinese officials")."""
    name = entity.name.removeprefix("the ")
    if not mention.lower().startswith("the ") or entity.known is not None or " " in name or not name.islower() or \
            not name.endswith("s") or not _role_word(name):
        return None
    found = set()
    for earlier in article.order:
        if earlier > number:
            break
        text = article.texts[earlier][:position] if earlier == number else article.texts[earlier]
        if name in text:  # a cheap test first: the phrase ends in ``name``
            found.update(sources.nationality_words()[word] for word in _group_nationalities(text, name))
    return found.pop() if len(found) == 1 else None


def _lead_place(article: _Article, entity: Entity, records: list[tuple]) -> str | None:
    """The country named before the entity's first mention in the article's second paragraph (the lead under
    a headline), or None."""
    lead = article.order[1:2]
    for _, number, position, mentioned, *_ in records:
        if mentioned is entity and number in lead:
            place = _place_before(article, number, position)
            if place:
                return place
    return None


_HONG_KONG_WORDS = ("Hong Kong", "HKSAR", "Macao", "Macau")


def _finish(records: list[tuple], registry: dict, article: _Article) -> list[tuple]:
    """Rows for one article, now that every entity has its fullest name and descriptors."""
    rows = []
    labels: dict[int, tuple[str, str]] = {}
    names: dict[int, tuple[str, str]] = {}  # id(entity) -> (name reported, "; "-joined aliases)
    mentions_of: dict[int, list[str]] = {}
    for _, _, _, mentioned, mention, *_ in records:
        mentions_of.setdefault(id(mentioned), []).append(mention)
    described_later = _described_later(article)
    named = _named_elsewhere(article, records)
    hong_kong = any(place in text for text in article.texts.values() for place in _HONG_KONG_WORDS)
    places = _chinese_places(article)
    spoken = {(number, id(entity)) for _, number, _, entity, *_ in records}
    for article_id, number, position, entity, mention, cue, spans in records:
        if id(entity) in named:  # "the WHL commissioner said ..." before "WHL commissioner Ron Robison said"
            if (number, id(named[id(entity)])) in spoken:
                continue
            role, entity = entity, named[id(entity)]
            for alias in (role.name, *role.aliases):
                entity.add_alias(alias)
        if id(entity) not in labels and entity.known is not None and entity.kind == "person" \
                and entity.name in entity.known.name.split() and any(
                    entity.known.name in text for text in article.texts.values()):
            entity.add_alias(entity.name)  # the article names "Donald Trump" somewhere: the fullest name
            entity.name = entity.known.name
        if id(entity) not in labels and entity.known is None and _is_bare_title(entity.name):
            holder = _title_holder(article, entity.name, registry)
            if holder is not None:  # "President stresses ..." over a report on "President Xi Jinping"
                entity.add_alias(entity.name)
                entity.name, entity.known, entity.kind = holder.name, holder, "person"
        if id(entity) not in labels and entity.known is None and entity.kind == "person" and not entity.descriptors:
            article.register_paragraph(number)  # "Paul Barrett, a New York University expert ..., has identified
            # similar trends and said": an appositive the cue's subject phrase did not reach
        if id(entity) not in labels:
            affiliation = _affiliation(entity, registry)
            category, origin = sources.classify(entity.name, _describing(entity.descriptors + entity.aliases),
                                                entity.known, affiliation, hong_kong=hong_kong)
            group_origin = _earlier_group_origin(article, entity, mention, number, position)
            if group_origin is not None:  # "the scholars" after "100 Chinese scholars"
                origin = group_origin
            elif _unqualified_official(entity, category, affiliation):
                origin = _place_before(article, number, position) or origin
                if number == article.order[0] and origin == "foreign":  # a headline has no place: its lead may
                    origin = _lead_place(article, entity, records) or origin
                elif origin == "foreign":  # "authorities announced 49 new cases" in a report on Beijing
                    origin = _article_country(article, number) or origin
            elif category == "other" and id(entity) in described_later:  # "The trade minister told ..."
                category = described_later[id(entity)]
            elif _unqualified_media(entity, category, affiliation):  # "state media reported" in a report on China
                origin = _place_before(article, number, position) or _article_country(article, number) or origin
                category = "state_media" if origin == "chinese" else "foreign_media"
            if places and origin == "foreign" and entity.known is None and not _names_country(entity) and any(
                    _has_phrase(entity.name, place) or entity.kind == "org" and any(
                        _has_phrase(alias, place) for alias in entity.aliases) for place in places):
                # "Wuhu Daily", "Authorities in Wuhu"; not a person whose description mentions the place
                origin = "chinese"
                category = "state_media" if category == "foreign_media" else \
                    "official" if entity.name in places else category
            if _administrative_area(entity.name) and entity.known is None:  # "a notice from Xicheng district"
                category = "official"
            if origin == "foreign" and (category in ("official", "other") or category in ("expert", "business") and
                                        _domestic(article, number)) and _unplaced(entity, affiliation):
                origin = _article_country(article, number) or (  # "the school", "Xicheng district"; an official
                    article.home if category == "official" and not article.countries[number] else None) or origin
                # before any country is named: the outlet's ("officials said" opening a China Daily story)
            if entity.document and entity.known is None:  # "a study", "the notice": its issuer's kind of source
                category = sources.document_words()[entity.document]
                if (category == "official" or _domestic(article, number)) and not _names_country(entity):
                    origin = _article_country(article, number) or origin
            labels[id(entity)] = category, origin
        category, origin = labels[id(entity)]
        quote = "direct" if any(whole for whole, _ in spans) else "mixed" if spans else "indirect"
        words = sum(count for _, count in spans)
        if id(entity) not in names:
            shown = _described_name(entity, mentions_of.get(id(entity), []))
            names[id(entity)] = shown, "; ".join(alias for alias in (entity.name, *entity.aliases)
                                                 if alias.lower() != shown.lower())
        shown, aliases = names[id(entity)]
        rows.append((position, article_id, number, shown, mention, category, origin, quote, cue, int(words), aliases))
    return rows


def _described_name(entity: Entity, mentions: list[str]) -> str:
    """The name a source is reported under: its own name, or, for a source with no proper name, the first phrase
    that describes it in full ("another resident who is suing her hospital", "Hu's son") rather than the bare role
    ("resident", "son"), which would merge different people of one article and tell a reader little."""
    if entity.known is not None or entity.document or entity.members or any(c.isupper() for c in entity.name):
        return entity.name
    head = entity.name.lower()
    for mention in mentions:  # in the order of the records
        phrase = _LEADING_ARTICLE.sub("", mention)
        if phrase.lower() not in _PRONOUNS and head in phrase.lower() and phrase.lower() != head:
            return phrase
    return entity.name


def count_attributions(attributions: pd.DataFrame, articles: pd.DataFrame | None = None, *,
                       by: str = "article") -> pd.DataFrame:
    """Tidy counts of sources by category x origin x quote type, per article, outlet or corpus.

    Columns: the grouping column (``article`` or ``outlet``; none for
    ``corpus``), ``category``, ``origin``, ``quote``, ``n_attributions``,
    ``quoted_words``. ``by="outlet"`` needs ``articles`` (article, outlet).
    """
    if by not in COUNT_GROUPS:
        raise ValueError(f"by must be one of {', '.join(COUNT_GROUPS)}, not {by!r}")
    frame = attributions.copy()
    if by == "outlet":
        if articles is None or "outlet" not in articles.columns:
            raise ValueError('by="outlet" needs the articles table with an outlet column')
        frame = frame.merge(articles[["article", "outlet"]], on="article", how="left")
        frame["outlet"] = frame["outlet"].fillna("")
    keys = COUNT_GROUPS[by] + ["category", "origin", "quote"]
    if frame.empty:
        return pd.DataFrame(columns=keys + ["n_attributions", "quoted_words"])
    counted = (frame.groupby(keys, sort=True, dropna=False)
               .agg(n_attributions=("speaker", "size"), quoted_words=("quoted_words", "sum"))
               .reset_index())
    counted["n_attributions"] = counted["n_attributions"].astype(int)
    counted["quoted_words"] = counted["quoted_words"].astype(int)
    return counted.sort_values(keys, kind="mergesort").reset_index(drop=True)

