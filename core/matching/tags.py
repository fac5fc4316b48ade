"""Tags as people write them ("Ledarskap", "leadership", "ledarskapp") brought to one canonical
name each, so that a mentee's development goals can be compared with a mentor's competences.

Three steps, in this order: a plain form (case, accents, hyphens and extra spaces do not count);
the synonym lines of data/tags.toml (Swedish and English names of the same thing); near-spellings,
caught by string similarity (RapidFuzz) among the tags of one cohort and against the synonym file.
The word lists are data: the coordinator's office can add a line without touching code.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from core.platform.paths import DATA_DIR

TAGS_FILE = DATA_DIR / "tags.toml"
# Two spellings at least this similar (RapidFuzz ratio, 0–100) are one tag: "ledarskapp" and
# "ledarskap" (95), "coachning" and "coaching" (94); "projektledning" and "processledning" (79)
# stay apart. Short words are compared exactly: "hr" is not "it".
NEAR_SPELLING = 88.0
MIN_FUZZY_LENGTH = 5

_SEPARATORS = re.compile(r"[\s\-_/.,;:()&+]+")


# The combining marks that accents decompose into (ä = a + U+0308); other scripts keep their letters.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


@lru_cache(maxsize=65536)
def plain(text: str) -> str:
    """A tag's form for comparison: casefolded, without accents, hyphens or extra spaces."""
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", str(text).casefold()))
    return _SEPARATORS.sub(" ", stripped).strip()


@dataclass(frozen=True)
class Lexicon:
    """The shipped word lists: synonym variants by plain form, and stopwords."""
    canonical: Mapping[str, str]  # plain variant -> canonical name
    stopwords: frozenset[str]


def read_lexicon(path: Path = TAGS_FILE) -> Lexicon:
    """Read and check data/tags.toml: a variant may stand on one line only."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    canonical: dict[str, str] = {}
    for name, variants in raw.get("synonyms", {}).items():
        if not isinstance(variants, list):
            raise ValueError(f"{path.name}: synonyms.{name} must be a list of words")
        for variant in [name, *variants]:
            key = plain(variant)
            if canonical.get(key, name) != name:
                raise ValueError(f"{path.name}: {variant!r} stands under both {canonical[key]!r} "
                                 f"and {name!r}")
            canonical[key] = name
    stopwords = frozenset(plain(w) for words in raw.get("stopwords", {}).values() for w in words)
    return Lexicon(canonical, stopwords)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return read_lexicon()


def canonical_tags(tags: Iterable[str], lex: Lexicon | None = None) -> dict[str, str]:
    """Each distinct tag (as written) mapped to its canonical name, for the tags of one cohort.

    Tags that are synonyms, or near-spellings of a synonym, take the synonym line's name; the
    rest are grouped with their near-spellings and named by the group's most frequent plain form.
    """
    lex = lex or lexicon()
    written = [t for t in tags if isinstance(t, str) and t.strip()]
    if not written:
        return {}
    counts = Counter(plain(t) for t in written)
    forms = sorted(counts)
    named: dict[str, str] = {}
    unknown = []
    for form in forms:
        if form in lex.canonical:
            named[form] = lex.canonical[form]
        else:
            unknown.append(form)
    variants = list(lex.canonical)
    if unknown and variants:
        similar = process.cdist(unknown, variants, scorer=fuzz.ratio, dtype=np.float32, workers=1)
        best = similar.argmax(axis=1)
        for row, form in enumerate(unknown):
            variant = variants[best[row]]
            if (similar[row, best[row]] >= NEAR_SPELLING and len(form) >= MIN_FUZZY_LENGTH
                    and len(variant) >= MIN_FUZZY_LENGTH):
                named[form] = lex.canonical[variant]
    rest = [f for f in unknown if f not in named]
    if rest:
        for group in _near_spelling_groups(rest):
            name = max(group, key=lambda f: (counts[f], -len(f), f))
            for form in group:
                named[form] = name
    return {tag: named[plain(tag)] for tag in written}


def _near_spelling_groups(forms: list[str]) -> list[list[str]]:
    """Forms joined when they are near-spellings of each other, directly or through others."""
    similar = process.cdist(forms, forms, scorer=fuzz.ratio, dtype=np.float32, workers=1)
    long_enough = np.array([len(f) >= MIN_FUZZY_LENGTH for f in forms])
    linked = (similar >= NEAR_SPELLING) & long_enough[:, None] & long_enough[None, :]
    count, labels = connected_components(csr_matrix(linked), directed=False)
    groups: list[list[str]] = [[] for _ in range(count)]
    for form, label in zip(forms, labels, strict=True):
        groups[label].append(form)
    return groups
