"""A matching shown: its phrases in Swedish or English, the pair list as tables and files (.xlsx,
.csv, the command line's CSV), the changes since another run, and the heat map of all scores."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from babel import Locale

from core.matching.runs import MatchRun, Problem
from core.matching.scoring import CRITERIA
from core.platform.files import to_csv, to_xlsx
from core.platform.i18n import format_number, t
from core.platform.names import labels_by_id
from core.platform.text import chart_text

# Criteria met by every mentor alike ("no wish about sector") add to a score but are no reason for
# choosing this mentor: the breakdown shows them, the reasons leave them out.
_NO_REASON = {"matching.why.sector_no_wish"}
_ROLE_WORDS = {"mentor": ("matching.words.mentor", "matching.words.mentors"),
               "mentee": ("matching.words.mentee", "matching.words.mentees")}


def language_names(codes: Sequence[str], lang: str, joiner: str = "or") -> str:
    """ISO 639-1 codes as the language names of `lang`: "arabiska eller engelska"."""
    names = Locale.parse(lang).languages
    shown = [names.get(str(code).lower(), str(code)) for code in codes]
    if len(shown) <= 1:
        return "".join(shown)
    return f"{', '.join(shown[:-1])} {t(f'matching.words.{joiner}', lang)} {shown[-1]}"


def describe(phrase: dict, lang: str) -> str:
    """A phrase (core.matching.phrase) in words."""
    params = dict(phrase.get("params") or {})
    if "languages" in params:
        params["languages"] = language_names(params["languages"], lang)
    if "other" in params:
        role = params["other"]
        params["other"] = t(_ROLE_WORDS[role][0], lang)
        params["others"] = t(_ROLE_WORDS[role][1], lang)
        params["self"] = t(_ROLE_WORDS["mentee" if role == "mentor" else "mentor"][0], lang)
    if "gender" in params:
        params["gender"] = t(f"matching.gender.{params['gender']}", lang) if params["gender"] in (
            "woman", "man", "other") else params["gender"]
    for key in ("tags", "words"):
        if key in params:
            params[key] = ", ".join(map(str, params[key]))
    if "score" in params:
        params["score"] = format_number(float(params["score"]), lang, 2)
    return t(phrase["key"], lang, **params)


def reasons_text(reasons: Sequence[dict], lang: str) -> str:
    """What made the pair, in words: the criteria that added to its score, the largest first."""
    adding = [describe(r, lang) for r in reasons if r.get("share", 0) > 0 and r["key"] not in _NO_REASON]
    return " ".join(adding) if adding else t("matching.why.nothing", lang)


def warnings_text(warnings: Sequence[dict], lang: str) -> str:
    return " ".join(describe(w, lang) for w in warnings)


def score_text(score: float, lang: str | None = None) -> str:
    """A score with three decimals the language's way ("0,645" in Swedish); without a language,
    as a machine reads it ("0.645": the command line's CSV)."""
    return format_number(score, lang, 3) if lang else f"{score:.3f}"


# -- Who is who ---------------------------------------------------------------------------------

def people_labels(people: pd.DataFrame) -> dict[int, str]:
    """People (person_id, name, organisation, email) by id, named so that two of one name read
    apart (core.platform.names)."""
    return labels_by_id(people["person_id"], people["name"], people["organisation"], people["email"])


def run_labels(*runs: MatchRun) -> dict[int, str]:
    """Everyone in the runs (paired or not) by id, named as people_labels names them."""
    fields = ["person_id", "name", "organisation", "email"]
    frames = []
    for run in runs:
        frames += [run.pairs[[f"{role}_{f}" for f in fields]].set_axis(fields, axis=1) for role in ("mentor", "mentee")]
        frames.append(run.unmatched[fields])
    people = [frame for frame in frames if len(frame)]
    return people_labels(pd.concat(people).drop_duplicates("person_id")) if people else {}


def _label(labels: Mapping[int, str], person_id: object, name: object) -> str:
    """A person's label, or their name where the labels do not know them."""
    found = labels.get(int(person_id))  # type: ignore[call-overload]
    return found if found is not None else str(name)


def _side(pairs: pd.DataFrame, role: str, labels: Mapping[int, str]) -> list[str]:
    return [_label(labels, p, n) for p, n in zip(pairs[f"{role}_person_id"], pairs[f"{role}_name"], strict=True)]


# -- Tables -------------------------------------------------------------------------------------

def pairs_table(run: MatchRun, lang: str, labels: Mapping[int, str] | None = None) -> pd.DataFrame:
    """The pairs as the page shows them: who (by `labels`, the run's people_labels unless given),
    the score, why, and what to look at."""
    pairs = run.pairs
    labels = run_labels(run) if labels is None else labels
    return pd.DataFrame({
        t("matching.col.mentor", lang): _side(pairs, "mentor", labels),
        t("matching.col.mentor_organisation", lang): pairs["mentor_organisation"],
        t("matching.col.mentee", lang): _side(pairs, "mentee", labels),
        t("matching.col.mentee_organisation", lang): pairs["mentee_organisation"],
        t("matching.col.score", lang): pairs["score"].astype(float).round(3),
        t("matching.col.pinned", lang): pairs["pinned"].astype(bool),
        t("matching.col.reasons", lang): [reasons_text(r, lang) for r in pairs["reasons"]],
        t("matching.col.warnings", lang): [warnings_text(w, lang) for w in pairs["warnings"]],
    })


def pair_list(run: MatchRun, lang: str) -> pd.DataFrame:
    """The pair list that goes to the kick-off: both people with organisation, e-mail and phone,
    the score and the reasons."""
    pairs = run.pairs
    columns = {}
    for role in ("mentor", "mentee"):
        columns[t(f"matching.col.{role}", lang)] = pairs[f"{role}_name"]
        columns[t(f"matching.col.{role}_organisation", lang)] = pairs[f"{role}_organisation"]
        columns[t(f"matching.col.{role}_email", lang)] = pairs[f"{role}_email"]
        columns[t(f"matching.col.{role}_phone", lang)] = pairs[f"{role}_phone"]
    columns[t("matching.col.score", lang)] = pairs["score"].astype(float).round(3)
    columns[t("matching.col.reasons", lang)] = [reasons_text(r, lang) for r in pairs["reasons"]]
    columns[t("matching.col.warnings", lang)] = [warnings_text(w, lang) for w in pairs["warnings"]]
    return pd.DataFrame(columns)


def unmatched_table(run: MatchRun, lang: str, labels: Mapping[int, str] | None = None) -> pd.DataFrame:
    """The unmatched people (by `labels`, the run's people_labels unless given), with their reason
    and the closest mentors."""
    unmatched = run.unmatched
    labels = run_labels(run) if labels is None else labels
    return pd.DataFrame({
        t("matching.col.name", lang): [_label(labels, p, n) for p, n in zip(unmatched["person_id"],
                                                                             unmatched["name"], strict=True)],
        t("matching.col.role", lang): [t(_ROLE_WORDS[r][0], lang) for r in unmatched["role"]],
        t("matching.col.organisation", lang): unmatched["organisation"],
        t("matching.col.email", lang): unmatched["email"],
        t("matching.col.reason", lang): [describe(r, lang) for r in unmatched["reason"]],
        t("matching.col.closest", lang): [alternatives_text(a, lang, labels) for a in unmatched["alternatives"]],
    })


def alternatives_text(alternatives: Sequence[dict], lang: str, labels: Mapping[int, str] | None = None) -> str:
    """The next-best mentors with their scores, each by their label where `labels` has it."""
    labels = labels or {}
    return ", ".join(f"{_label(labels, a['mentor_person_id'], a['name'])} ({score_text(a['score'], lang)})"
                     for a in alternatives) or "–"


def about_table(run: MatchRun, cohort_label: str, lang: str) -> pd.DataFrame:
    """What the run was made with: cohort, time, objective, weights and rule, totals."""
    rows = [(t("matching.about.cohort", lang), cohort_label),
            (t("matching.about.created", lang), run.created_at.strftime("%Y-%m-%d %H:%M")
             if run.created_at else ""),
            (t("matching.about.objective", lang), t(f"matching.objective.{run.objective}", lang)),
            (t("matching.about.accepted", lang), t("matching.words.yes" if run.accepted else "matching.words.no",
                                                   lang))]
    rows += [(t(f"matching.criterion.{name}", lang), f"{run.settings.weights[name]:g}") for name in CRITERIA]
    rows += [(t("matching.about.same_organisation_rule", lang),
              t("matching.words.yes" if run.settings.same_organisation_rule else "matching.words.no", lang)),
             (t("matching.about.pairs", lang), str(run.pair_count)),
             (t("matching.about.unmatched", lang), str(len(run.unmatched))),
             (t("matching.about.total", lang), score_text(run.total_score, lang)),
             (t("matching.about.weakest", lang), score_text(run.min_score, lang) if run.min_score is not None else "–")]
    return pd.DataFrame(rows, columns=[t("matching.about.what", lang), t("matching.about.value", lang)])


def pair_list_xlsx(run: MatchRun, cohort_label: str, lang: str) -> bytes:
    """The pair list workbook: the pairs, the unmatched people, and what the run was made with."""
    return to_xlsx({t("matching.sheet.pairs", lang): pair_list(run, lang),
                    t("matching.sheet.unmatched", lang): unmatched_table(run, lang),
                    t("matching.sheet.about", lang): about_table(run, cohort_label, lang)},
                   title=f"{t('matching.export_title', lang)} · {cohort_label}")


def pair_list_csv(run: MatchRun, lang: str) -> bytes:
    return to_csv(pair_list(run, lang), lang)


def command_line_frame(run: MatchRun, lang: str) -> pd.DataFrame:
    """The command line's CSV: mentor_email, mentee_email, score (3 decimals), reasons."""
    return pd.DataFrame({
        "mentor_email": run.pairs["mentor_email"],
        "mentee_email": run.pairs["mentee_email"],
        "score": [score_text(s) for s in run.pairs["score"]],
        "reasons": [reasons_text(r, lang) for r in run.pairs["reasons"]],
    })


def breakdown_table(reasons: Sequence[dict], lang: str) -> pd.DataFrame:
    """One pair's score, criterion by criterion."""
    return pd.DataFrame({
        t("matching.col.criterion", lang): [t(f"matching.criterion.{r['criterion']}", lang) for r in reasons],
        t("matching.col.weight", lang): [r["weight"] for r in reasons],
        t("matching.col.value", lang): [round(r["value"], 3) for r in reasons],
        t("matching.col.share", lang): [round(r["share"], 3) for r in reasons],
        t("matching.col.in_words", lang): [describe(r, lang) for r in reasons],
    })


def participants_table(people: pd.DataFrame, role: str, lang: str) -> pd.DataFrame:
    """Who takes part, with what matching reads from their answers."""
    table = {
        t("matching.col.name", lang): people["name"],
        t("matching.col.organisation", lang): people["organisation"],
        t("matching.col.town", lang): people["town"],
        t("matching.col.languages", lang): [language_names(v if isinstance(v, list) else [], lang, "and")
                                            for v in people["languages"]],
    }
    if role == "mentor":
        table[t("matching.col.capacity", lang)] = people["capacity"].astype(int)
        table[t("matching.col.competences", lang)] = [", ".join(v) if isinstance(v, list) else ""
                                                      for v in people["competences"]]
    else:
        table[t("matching.col.goals", lang)] = [", ".join(v) if isinstance(v, list) else ""
                                                for v in people["goals"]]
        table[t("matching.col.gender_preference", lang)] = [
            t(f"matching.gender.{v}", lang) if v in ("woman", "man", "other") else ""
            for v in people["gender_preference"].fillna("")]
    table[t("matching.col.status", lang)] = [t(f"matching.status.{s}", lang) if s in (
        "applied", "matched", "waiting") else s for s in people["status"]]
    return pd.DataFrame(table)


def compare_runs(before: MatchRun, after: MatchRun, lang: str, labels: Mapping[int, str] | None = None
                 ) -> pd.DataFrame:
    """The mentees whose mentor differs between two runs (or who gained or lost one). Mentors are
    compared as people, not by name (one Anders Eriksson for another is a change); people are
    named by `labels` (both runs' people_labels unless given)."""
    labels = run_labels(before, after) if labels is None else labels

    def mentor_of(run: MatchRun) -> pd.DataFrame:
        pairs = run.pairs
        return pd.DataFrame({"mentor": pairs["mentor_person_id"].astype("int64").to_numpy(),
                             "mentor_label": _side(pairs, "mentor", labels), "score": pairs["score"].to_numpy()},
                            index=pairs["mentee_person_id"].astype("int64").to_numpy())

    old, new = mentor_of(before), mentor_of(after)
    names: dict[int, str] = {}
    for run in (before, after):
        names.update((int(p), _label(labels, p, n)) for p, n in zip(run.unmatched["person_id"],
                                                                   run.unmatched["name"], strict=True))
    for run in (before, after):
        names.update(zip(run.pairs["mentee_person_id"].astype("int64"), _side(run.pairs, "mentee", labels),
                         strict=True))
    rows = []
    for mentee in sorted(set(old.index) | set(new.index), key=lambda m: str(names.get(m, "")).casefold()):
        was = old["mentor"].get(mentee)
        now = new["mentor"].get(mentee)
        if was == now:
            continue
        was_score, now_score = old["score"].get(mentee), new["score"].get(mentee)
        rows.append({
            t("matching.col.mentee", lang): names.get(mentee, ""),
            t("matching.col.before", lang): old["mentor_label"].get(mentee) or t("matching.words.no_mentor", lang),
            t("matching.col.after", lang): new["mentor_label"].get(mentee) or t("matching.words.no_mentor", lang),
            t("matching.col.score_before", lang): None if was_score is None else round(float(was_score), 3),
            t("matching.col.score_after", lang): None if now_score is None else round(float(now_score), 3),
        })
    columns = [t(f"matching.col.{c}", lang) for c in ("mentee", "before", "after", "score_before", "score_after")]
    return pd.DataFrame(rows, columns=columns)


# -- The heat map --------------------------------------------------------------------------------



def score_heatmap(problem: Problem, run: MatchRun | None, lang: str, labels: Mapping[int, str] | None = None
                  ) -> go.Figure:
    """Every mentee (rows) against every mentor (columns): the score where the pair is possible,
    blank where a hard rule forbids it; the run's pairs are outlined. People are named by `labels`
    (the cohort's people_labels unless given), which tell two of one name apart."""
    scores = problem.scores
    if labels is None:
        labels = people_labels(pd.concat([problem.mentors, problem.mentees]))
    # Plotly draws its labels as HTML: the names shown as written (core.platform.text).
    mentees = [chart_text(_label(labels, p, n))
               for p, n in zip(problem.mentees["person_id"], problem.mentees["name"], strict=True)]
    mentors = [chart_text(_label(labels, p, n))
               for p, n in zip(problem.mentors["person_id"], problem.mentors["name"], strict=True)]
    z = np.where(scores.feasible, scores.score.astype(np.float64), np.nan)
    figure = go.Figure(go.Heatmap(
        z=z, x=mentors, y=mentees, zmin=0, zmax=1, colorscale="Viridis", hoverongaps=False,
        colorbar={"title": {"text": t("matching.col.score", lang)}},
        hovertemplate=t("matching.chart.hover", lang) + "<extra></extra>"))
    if run is not None and len(run.pairs):
        mentee_at = dict(zip(problem.mentees["person_id"], mentees, strict=True))
        mentor_at = dict(zip(problem.mentors["person_id"], mentors, strict=True))
        shown = run.pairs[run.pairs["mentee_person_id"].isin(mentee_at)
                          & run.pairs["mentor_person_id"].isin(mentor_at)]
        figure.add_trace(go.Scatter(
            x=[mentor_at[m] for m in shown["mentor_person_id"]],
            y=[mentee_at[m] for m in shown["mentee_person_id"]],
            mode="markers", name=t("matching.chart.pairs", lang), hoverinfo="skip",
            marker={"symbol": "square-open", "size": 16, "color": "#D55E00", "line": {"width": 3}}))
    figure.update_layout(
        separators=", " if lang == "sv" else ".,",  # Plotly's decimal and thousands signs: 0,645 in Swedish
        title=t("matching.chart.title", lang),
        xaxis={"title": t("matching.words.mentors", lang).capitalize(), "tickangle": -45},
        yaxis={"title": t("matching.words.mentees", lang).capitalize(), "autorange": "reversed"},
        height=max(360, 26 * len(mentees) + 200), margin={"l": 10, "r": 10, "t": 90, "b": 10},
        showlegend=run is not None,
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "xanchor": "left"})
    return figure
