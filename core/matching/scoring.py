"""How well each mentor suits each mentee, for all pairs at once: the hard rules as boolean
matrices (a pair is possible or not) and the soft criteria as 0..1 matrices, combined with the
coordinator's weights into one score per pair. Rows are mentees, columns mentors; every
computation is a whole-matrix operation in numpy, so 2,000 × 2,000 takes a fraction of a second.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, fields

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix

from core.matching.assignment import OBJECTIVES
from core.matching.tags import Lexicon, canonical_tags, lexicon, plain
from core.platform.i18n import MentorplanError

# The soft criteria, in the order the page shows them.
CRITERIA = ("goals", "sector", "town", "experience", "text")
# The hard rules, in the order an unmatched person's reason is told.
RULES = ("language", "organisation", "gender", "forbidden")
MAX_WEIGHT = 5.0
# A mentor this many years more experienced than the mentee earns the experience criterion in full.
FULL_EXPERIENCE_GAP = 10.0
GENDERS = ("woman", "man", "other")


@dataclass(frozen=True)
class MatchSettings:
    """What the coordinator sets for a cohort: how much each criterion counts (0–5), whether the
    same-organisation rule is on, and the objective. The defaults put goals first."""
    goals: float = 4.0
    sector: float = 2.0
    town: float = 1.0
    experience: float = 2.0
    text: float = 1.0
    same_organisation_rule: bool = True
    objective: str = "total"

    def __post_init__(self) -> None:
        for name in CRITERIA:
            value = getattr(self, name)
            if not isinstance(value, (int, float)) or not math.isfinite(value) or not (
                    0 <= value <= MAX_WEIGHT):
                raise MentorplanError("matching.bad_weight", criterion=name, value=value,
                                      maximum=MAX_WEIGHT)
            object.__setattr__(self, name, float(value))
        if self.objective not in OBJECTIVES:
            raise MentorplanError("error.bad_choice", option="objective", value=self.objective,
                                  allowed=", ".join(OBJECTIVES))
        if self.weight_sum == 0:
            raise MentorplanError("matching.weights_all_zero")

    @property
    def weights(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in CRITERIA}

    @property
    def weight_sum(self) -> float:
        return float(sum(self.weights.values()))

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict | None) -> MatchSettings:
        """Settings as stored; a key this version does not know is left out."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (raw or {}).items() if k in known})


@dataclass
class ScoreMatrices:
    """Everything known about all pairs: rows are mentees, columns mentors."""
    criteria: dict[str, np.ndarray]  # float32, 0..1, one per criterion
    score: np.ndarray  # float32, 0..1: the weighted mean of the criteria
    rules: dict[str, np.ndarray]  # bool, True where the rule allows the pair
    feasible: np.ndarray  # bool: every rule allows the pair
    language_known: np.ndarray  # bool: both stated a language, so the language rule was checked
    same_organisation: np.ndarray  # bool: both in the same organisation (allowed or not)
    goal_tags: list[dict[str, str]]  # per mentee: canonical tag -> the tag as the mentee wrote it
    competence_tags: list[set[str]]  # per mentor: canonical tags
    # (mentees, mentors): per person, each word compared (plain form) -> the word as written
    text_words: tuple[list[dict[str, str]], list[dict[str, str]]]

    @property
    def shape(self) -> tuple[int, int]:
        return self.score.shape


def score_pairs(mentees: pd.DataFrame, mentors: pd.DataFrame, settings: MatchSettings,
                forbidden: Iterable[tuple[int, int]] = (), lex: Lexicon | None = None) -> ScoreMatrices:
    """Score every mentee (rows) against every mentor (columns). `forbidden` holds
    (mentee row, mentor column) pairs the coordinator forbade."""
    lex = lex or lexicon()
    rules = {
        "language": _shared_language(mentees, mentors),
        "organisation": _organisation_allowed(mentees, mentors, settings.same_organisation_rule),
        "gender": _gender_allowed(mentees, mentors),
        "forbidden": _not_forbidden(len(mentees), len(mentors), forbidden),
    }
    feasible = rules["language"] & rules["organisation"] & rules["gender"] & rules["forbidden"]
    goals, goal_tags, competence_tags = _goal_coverage(mentees, mentors, lex)
    text, words = _text_similarity(mentees, mentors, lex)
    criteria = {
        "goals": goals,
        "sector": _sector(mentees, mentors),
        "town": _same_value(mentees["town"], mentors["town"]),
        "experience": _experience(mentees, mentors),
        "text": text,
    }
    score = np.zeros((len(mentees), len(mentors)), dtype=np.float32)
    for name, weight in settings.weights.items():
        if weight:
            score += np.float32(weight) * criteria[name]
    score /= np.float32(settings.weight_sum)
    np.clip(score, 0.0, 1.0, out=score)
    return ScoreMatrices(criteria, score, rules, feasible, _language_known(mentees, mentors),
                         _same_value(mentees["organisation"], mentors["organisation"]).astype(bool),
                         goal_tags, competence_tags, words)


# -- Hard rules --------------------------------------------------------------------------------

def _as_list(value: object) -> list:
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return list(value)
    return []


def _codes(left: pd.Series, right: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Plain forms of two columns as shared integer codes; an empty value is -1."""
    values = pd.concat([left, right], ignore_index=True).fillna("").astype(str).map(plain)
    codes, _ = pd.factorize(values.where(values != "", None), use_na_sentinel=True)
    return codes[:len(left)], codes[len(left):]


def _same_value(left: pd.Series, right: pd.Series) -> np.ndarray:
    """1 where both rows name the same (non-empty) value, as float32."""
    a, b = _codes(left, right)
    same = (a[:, None] == b[None, :]) & (a[:, None] >= 0)
    return same.astype(np.float32)


def _membership(mentees: pd.Series, mentors: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """List columns as 0/1 matrices over the values that occur (rows × values)."""
    lists = [[plain(v) for v in _as_list(x) if str(v).strip()] for x in
             pd.concat([mentees, mentors], ignore_index=True)]
    vocabulary = {v: i for i, v in enumerate(sorted({v for row in lists for v in row}))}
    matrix = _indicator(lists, vocabulary)
    return matrix[:len(mentees)], matrix[len(mentees):]


def _indicator(lists: Sequence[Iterable[str]], vocabulary: dict[str, int]) -> np.ndarray:
    rows = [i for i, row in enumerate(lists) for v in set(row) if v in vocabulary]
    cols = [vocabulary[v] for row in lists for v in set(row) if v in vocabulary]
    matrix = np.zeros((len(lists), max(1, len(vocabulary))), dtype=np.float32)
    matrix[rows, cols] = 1.0
    return matrix


def _shared_language(mentees: pd.DataFrame, mentors: pd.DataFrame) -> np.ndarray:
    """A pair must share a language. Someone who stated none is not held to it (the pair is
    flagged instead), so that a sheet without a language column does not leave everyone out."""
    a, b = _membership(mentees["languages"], mentors["languages"])
    shared = (a @ b.T) > 0
    return shared | ~_language_known(mentees, mentors)


def _language_known(mentees: pd.DataFrame, mentors: pd.DataFrame) -> np.ndarray:
    a = mentees["languages"].map(lambda x: bool(_as_list(x))).to_numpy(bool)
    b = mentors["languages"].map(lambda x: bool(_as_list(x))).to_numpy(bool)
    return a[:, None] & b[None, :]


def _organisation_allowed(mentees: pd.DataFrame, mentors: pd.DataFrame, rule_on: bool) -> np.ndarray:
    """Never the same organisation, unless the rule is off for the cohort or one of the two has
    the coordinator's exception (same_org_allowed)."""
    if not rule_on:
        return np.ones((len(mentees), len(mentors)), dtype=bool)
    same = _same_value(mentees["organisation"], mentors["organisation"]).astype(bool)
    excepted = (mentees["same_org_allowed"].fillna(False).astype(bool).to_numpy()[:, None]
                | mentors["same_org_allowed"].fillna(False).astype(bool).to_numpy()[None, :])
    return ~same | excepted


def _gender_allowed(mentees: pd.DataFrame, mentors: pd.DataFrame) -> np.ndarray:
    """A stated gender preference is met, on either side; an unknown gender does not meet one."""
    def column(frame: pd.DataFrame, name: str) -> np.ndarray:
        return frame[name].fillna("").astype(str).str.strip().str.casefold().to_numpy(object)

    mentee_gender, mentor_gender = column(mentees, "gender"), column(mentors, "gender")
    mentee_wish, mentor_wish = column(mentees, "gender_preference"), column(mentors, "gender_preference")
    mentee_ok = (mentee_wish[:, None] == "") | (mentee_wish[:, None] == mentor_gender[None, :])
    mentor_ok = (mentor_wish[None, :] == "") | (mentor_wish[None, :] == mentee_gender[:, None])
    return mentee_ok & mentor_ok


def _not_forbidden(rows: int, cols: int, forbidden: Iterable[tuple[int, int]]) -> np.ndarray:
    allowed = np.ones((rows, cols), dtype=bool)
    pairs = list(forbidden)
    if pairs:
        mentee_rows, mentor_cols = zip(*pairs, strict=True)
        allowed[list(mentee_rows), list(mentor_cols)] = False
    return allowed


# -- Soft criteria -----------------------------------------------------------------------------

def _goal_coverage(mentees: pd.DataFrame, mentors: pd.DataFrame, lex: Lexicon
                   ) -> tuple[np.ndarray, list[dict[str, str]], list[set[str]]]:
    """The share of a mentee's development goals that are among the mentor's competences, after
    tags are brought to canonical names (core.matching.tags). A mentee without goals scores 0."""
    goal_lists = [[str(g) for g in _as_list(x) if str(g).strip()] for x in mentees["goals"]]
    competence_lists = [[str(c) for c in _as_list(x) if str(c).strip()] for x in mentors["competences"]]
    names = canonical_tags([t for row in goal_lists + competence_lists for t in row], lex)
    goal_tags = [_first_written(row, names) for row in goal_lists]
    competence_tags = [{names[t] for t in row} for row in competence_lists]
    vocabulary = {v: i for i, v in enumerate(sorted(set(names.values())))}
    goals = _indicator([list(g) for g in goal_tags], vocabulary)
    competences = _indicator([list(c) for c in competence_tags], vocabulary)
    counts = goals.sum(axis=1, keepdims=True)
    covered = goals @ competences.T
    coverage = np.divide(covered, counts, out=np.zeros_like(covered), where=counts > 0)
    return coverage.astype(np.float32, copy=False), goal_tags, competence_tags


def _first_written(tags: list[str], names: dict[str, str]) -> dict[str, str]:
    """Canonical name -> the tag as first written, in the order written."""
    found: dict[str, str] = {}
    for tag in tags:
        found.setdefault(names[tag], tag)
    return found


def _sector(mentees: pd.DataFrame, mentors: pd.DataFrame) -> np.ndarray:
    """The mentee's wish about the mentor's sector: "same", "other", or none (met by anyone).
    A wish cannot be met where either sector is unknown."""
    a, b = _codes(mentees["sector"], mentors["sector"])
    known = (a[:, None] >= 0) & (b[None, :] >= 0)
    same = (a[:, None] == b[None, :]) & known
    wish = mentees["sector_preference"].fillna("").astype(str).str.strip().str.casefold().to_numpy(object)
    result = np.ones((len(mentees), len(mentors)), dtype=np.float32)
    result[wish == "same"] = same[wish == "same"]
    result[wish == "other"] = (known & ~same)[wish == "other"]
    return result


def _experience(mentees: pd.DataFrame, mentors: pd.DataFrame) -> np.ndarray:
    """More experience on the mentor's side is better, up to FULL_EXPERIENCE_GAP years; less
    than the mentee, or unknown, scores 0."""
    a = pd.to_numeric(mentees["experience_years"], errors="coerce").to_numpy(np.float32)
    b = pd.to_numeric(mentors["experience_years"], errors="coerce").to_numpy(np.float32)
    gap = b[None, :] - a[:, None]
    score = np.clip(gap / np.float32(FULL_EXPERIENCE_GAP), 0.0, 1.0)
    return np.nan_to_num(score, nan=0.0).astype(np.float32, copy=False)


_WORD = re.compile(r"[^\W\d_]{3,}")


def words_of(text: object, lex: Lexicon) -> dict[str, str]:
    """The words of a free-text answer that are compared, in their plain form (three letters or
    more, stopwords left out), each with the word as written (lower case), in order."""
    if not isinstance(text, str):
        return {}
    found: dict[str, str] = {}
    for word in _WORD.findall(text.casefold()):
        key = plain(word)
        if len(key) >= 3 and key not in lex.stopwords:
            found.setdefault(key, word)
    return found


def _text_similarity(mentees: pd.DataFrame, mentors: pd.DataFrame, lex: Lexicon
                     ) -> tuple[np.ndarray, tuple[list[dict[str, str]], list[dict[str, str]]]]:
    """Cosine similarity of TF-IDF word vectors of the free-text answers (motivation and title),
    as one sparse matrix product: words that many people use count little, rare shared words much.
    Each word counts once per answer: in a few sentences, saying a word twice says little more."""
    def documents(frame: pd.DataFrame) -> list[dict[str, str]]:
        text = frame["motivation"].fillna("").astype(str) + " " + frame["title"].fillna("").astype(str)
        return [words_of(t, lex) for t in text]

    words = (documents(mentees), documents(mentors))
    docs = words[0] + words[1]
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, doc in enumerate(docs):
        for word in doc:
            rows.append(row)
            cols.append(vocabulary.setdefault(word, len(vocabulary)))
    if not vocabulary:
        return np.zeros((len(mentees), len(mentors)), dtype=np.float32), words
    counts = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                        shape=(len(docs), len(vocabulary)))
    document_frequency = np.bincount(counts.indices, minlength=len(vocabulary))
    idf = np.log((1.0 + len(docs)) / (1.0 + document_frequency)) + 1.0
    weighted = counts.multiply(idf.astype(np.float32)[None, :]).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    weighted = csr_matrix(weighted.multiply((1.0 / norms).astype(np.float32)[:, None]))
    similarity = (weighted[:len(mentees)] @ weighted[len(mentees):].T).toarray()
    return np.clip(similarity, 0.0, 1.0).astype(np.float32, copy=False), words
