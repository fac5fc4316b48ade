"""Every cleaner of core/people/cleaning.py, whatever a cell holds: an answer of the type it
promises, or a complaint (Invalid) that can be put into words, and nothing else. The cleaners
are found in the module, so that a new one is covered without a word here. Then what can go
wrong quietly: a cleaned value cleaned again changes, a number outside its limits gets through,
a remembered answer is changed by a caller or given for another value that is equal as a key
(1, 1.0 and True). The example-based checks of the same cleaners are in
test_columns_and_validation.py."""

import contextlib
import decimal
import functools
import importlib.util
import inspect
import json
import math
import types
import typing

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.people import cleaning
from core.people.addresses import valid_email
from core.people.cleaning import MAX_CAPACITY, MAX_EXPERIENCE, clean_capacity, clean_experience
from core.people.columns import FIELD_IDS
from core.people.issues import Invalid, Issue
from core.people.records import clean_fields

FAST = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- The cleaners, from the module -------------------------------------------------------------

def _public_functions() -> dict[str, typing.Callable[..., typing.Any]]:
    """Functions defined in the module, wrapped (a cache) or not; not those it imports."""
    return {name: value for name, value in vars(cleaning).items()
            if not name.startswith("_") and callable(value) and inspect.isfunction(inspect.unwrap(value))
            and value.__module__ == cleaning.__name__}


def _taking(annotation: str) -> dict[str, typing.Callable[..., typing.Any]]:
    """The public functions of one parameter annotated `annotation` ("Cell", "str")."""
    found = {}
    for name, function in _public_functions().items():
        parameters = list(inspect.signature(function).parameters.values())
        if len(parameters) == 1 and parameters[0].annotation in (annotation, getattr(cleaning, annotation, None)):
            found[name] = function
    return found


CELL_CLEANERS = _taking("Cell")
TEXT_FUNCTIONS = _taking("str")
# clean_fields (a whole record) lives in core.people.records; its property is below.


def test_the_cleaners_are_found_and_each_is_covered():
    assert len(CELL_CLEANERS) >= 15 and {"text", "check_email", "clean_capacity", "clean_experience",
                                         "clean_languages", "clean_tags", "extra_value"} <= set(CELL_CLEANERS)
    assert TEXT_FUNCTIONS
    # A new public function of another shape needs its own property here.
    assert set(_public_functions()) == set(CELL_CLEANERS) | set(TEXT_FUNCTIONS)


def conforms(value: object, hint: object) -> bool:
    """Whether `value` is of the type `hint` names, exactly: no bool for an int, no subclass of
    str for a str, a list of the element type for a list."""
    if hint is object or hint is typing.Any:
        return True
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return any(conforms(value, argument) for argument in arguments)
    if origin is list:
        return type(value) is list and all(conforms(item, arguments[0]) for item in value)
    if hint is None or hint is type(None):
        return value is None
    return type(value) is hint


def returns(name: str) -> object:
    return typing.get_type_hints(CELL_CLEANERS.get(name) or TEXT_FUNCTIONS[name])["return"]


# -- Cells -------------------------------------------------------------------------------------

HUGE = [10 ** 400, -(10 ** 400), 2 ** 63, -(2 ** 63) - 1, 2 ** 53 + 1, 10 ** 5000]
ODD_FLOATS = [math.inf, -math.inf, math.nan, -0.0, 1e308, -1e308, 5e-324, 0.5, 6.5, 70.5, 46037.0, 73416.0]
PHRASES = ["Ja", "nej", "x", "✓", "Höst 2026", "HT26", "vårstart 2027", "max 3", "2 st", "ca 7,5 år", "15+", "tio år",
           "Svenska, engelska", "sv-SE", "Persiska (farsi)", "- ledarskap; • coachning", "Kvinna", "ingen preferens",
           "Samma bransch", "Mentor", "Jag vill ha en mentor", "matchad", "anna@region.se", " mailto:<A@B.SE> ",
           "'=1+1", "'+46 70", "46037", "2026-09-01", "2026-02-30 10:00", "99999-01-01", "Jag samtycker", "och", "or",
           "- - coachning", "•  . mentorskap", "svenska,och engelska", "motivering\r\r\nrad två", "1999-05-01"]

texts = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8", categories=("Cc", "Cf", "Zs", "Zl", "Zp", "Nd", "No", "P"))),
    st.sampled_from(PHRASES),
    st.tuples(st.sampled_from(PHRASES), st.sampled_from([" ", ", ", ",", "\n", "\r", " och ", "/", ""]),
              st.text(max_size=8)).map("".join),
    st.builds(lambda part, times: part * times, st.text(min_size=1, max_size=8), st.integers(200, 3000)),
    st.integers(4000, 5000).map(lambda digits: "9" * digits),
)
cells = st.one_of(
    st.none(), st.booleans(), st.integers(), st.sampled_from(HUGE), st.floats(), st.sampled_from(ODD_FLOATS), texts,
    st.dates(), st.datetimes(), st.times(), st.timedeltas(),
    # Not what a sheet gives, but what a caller might: numpy's scalars, Decimal, bytes.
    st.floats().map(np.float64), st.integers(-(2 ** 63), 2 ** 63 - 1).map(np.int64), st.booleans().map(np.bool_),
    st.decimals(), st.binary(max_size=20),
)


def complaint_in_words(problem: Invalid) -> None:
    for lang in ("sv", "en"):
        assert Issue(problem.code, problem.params).text(lang)


# -- Never anything but an answer or a complaint ------------------------------------------------

@pytest.mark.parametrize("name", sorted(CELL_CLEANERS))
@FAST
@given(value=cells)
def test_a_cleaner_answers_in_its_type_or_complains(name, value):
    try:
        result = CELL_CLEANERS[name](value)
    except Invalid as problem:
        complaint_in_words(problem)
        return
    assert conforms(result, returns(name)), (name, value, result)


@pytest.mark.parametrize("name", sorted(TEXT_FUNCTIONS))
@FAST
@given(value=texts)
def test_a_function_of_text_answers_in_its_type(name, value):
    assert conforms(TEXT_FUNCTIONS[name](value), returns(name))


@FAST
@given(values=st.dictionaries(st.sampled_from(FIELD_IDS), cells, max_size=8),
       role=st.sampled_from(["mentor", "mentee"]), complete=st.booleans())
def test_a_record_is_cleaned_into_fields_and_complaints(values, role, complete):
    person, participation, problems = clean_fields(values, role, complete)
    assert type(person) is dict and type(participation) is dict
    for field_id, problem in problems:
        assert field_id in FIELD_IDS and isinstance(problem, Invalid)
        complaint_in_words(problem)


@FAST
@given(value=cells)
def test_an_extra_value_is_kept_as_json_holds_it(value):
    kept = cleaning.extra_value(value)
    assert json.loads(json.dumps(kept, allow_nan=False)) == kept


# -- Cleaned again, the same --------------------------------------------------------------------

def _scalar(name: str) -> bool:
    return typing.get_origin(returns(name)) is not list


@pytest.mark.parametrize("name", sorted(n for n in CELL_CLEANERS if _scalar(n)))
@FAST
@given(value=cells)
def test_a_cleaned_value_cleaned_again_is_the_same(name, value):
    """What a cleaner answers is what the store keeps and the register's form sends back."""
    clean = CELL_CLEANERS[name]
    try:
        once = clean(value)
    except Invalid:
        return
    assert clean(once) == once, (name, value, once)


@pytest.mark.parametrize("name", sorted(n for n in CELL_CLEANERS if not _scalar(n)))
@FAST
@given(value=cells)
def test_a_cleaned_list_shown_as_the_form_shows_it_cleans_to_itself(name, value):
    """The register's form shows a list as "a, b" (core.people.register.form_edits)."""
    clean = CELL_CLEANERS[name]
    once = clean(value)
    assert clean(", ".join(once)) == once, (name, value, once)


@FAST
@given(value=texts)
def test_the_email_rule_answers_any_text_with_yes_or_no(value):
    """core.people.addresses, kept apart from the cleaners (its one function of text)."""
    answer = valid_email(value)
    assert isinstance(answer, bool)
    assert not answer or ("@" in value and len(value) <= 254)


@FAST
@given(value=cells)
def test_an_accepted_address_is_the_cleaned_address(value):
    try:
        address = cleaning.check_email(value)
    except Invalid:
        return
    assert address == cleaning.clean_email(value) == cleaning.clean_email(address) == cleaning.check_email(address)
    assert valid_email(address)


# -- Within limits ------------------------------------------------------------------------------

@FAST
@given(value=cells)
def test_capacity_and_experience_stay_within_their_limits(value):
    with contextlib.suppress(Invalid):
        assert 1 <= clean_capacity(value) <= MAX_CAPACITY
    try:
        years = clean_experience(value)
    except Invalid:
        return
    assert years is None or 0 <= years <= MAX_EXPERIENCE


@given(st.integers(-5, MAX_EXPERIENCE + 5))
def test_a_number_is_taken_as_a_number_whether_a_number_a_float_or_text(n):
    for clean, low, high in ((clean_capacity, 1, MAX_CAPACITY), (clean_experience, 0, MAX_EXPERIENCE)):
        answers = []
        for value in (n, float(n), str(n), f"{n}.0" if clean is clean_experience else f" {n} ",
                      np.int64(n), decimal.Decimal(n)):
            try:
                answers.append(clean(value))
            except Invalid:
                answers.append(None)
        assert answers == [n if low <= n <= high else None] * len(answers), (clean.__name__, n, answers)


# -- Remembered answers -------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(n for n in CELL_CLEANERS if not _scalar(n)))
@FAST
@given(value=cells)
def test_changing_a_list_answer_changes_no_later_answer(name, value):
    clean = CELL_CLEANERS[name]
    first = clean(value)
    expected = list(first)
    first.append("changed")
    second = clean(value)
    assert second == expected and second is not first


def _uncached_copy() -> types.ModuleType:
    """The module loaded again with nothing remembered, as the reference for answers."""
    spec = importlib.util.spec_from_file_location("cleaning_uncached", cleaning.__file__)
    assert spec and spec.loader
    copy = importlib.util.module_from_spec(spec)
    real = functools.lru_cache

    def forgetful(maxsize=128, typed=False):
        return real(maxsize=maxsize) if maxsize == 1 else (lambda function: function)  # Babel's names: once

    functools.lru_cache = forgetful
    try:
        spec.loader.exec_module(copy)
    finally:
        functools.lru_cache = real
    return copy


UNCACHED = _uncached_copy()
# Values equal to one another as keys of a cache (same hash, ==), of different types.
TWINS = [(True, 1, 1.0, np.float64(1.0), np.int64(1), decimal.Decimal(1), decimal.Decimal("1.0")),
         (False, 0, 0.0, -0.0, np.bool_(False), decimal.Decimal(0)),
         (2, 2.0, decimal.Decimal("2.00"))]


def answer(clean: typing.Callable[[object], object], value: object) -> object:
    try:
        return ("answer", clean(value), type(clean(value)))
    except Invalid as problem:
        return ("complaint", problem.code, problem.params)


@pytest.mark.parametrize("name", sorted(CELL_CLEANERS))
def test_a_remembered_answer_is_given_only_for_the_same_value_of_the_same_type(name):
    for twins in TWINS:
        for order in (twins, twins[::-1]):
            for value in order:
                assert answer(getattr(cleaning, name), value) == answer(getattr(UNCACHED, name), value), (name, value)
