"""Putting the pieces together: the store the environment names, and the programme it holds
(the rulebook with the coordinator's settings and overrides). The app and the command line
both start here."""

from __future__ import annotations

from functools import lru_cache

from core.calendar.programme import Programme, Rulebook, load_rulebook
from core.store import Store


@lru_cache(maxsize=1)
def rulebook() -> Rulebook:
    return load_rulebook()


def open_store(url: str | None = None) -> Store:
    return Store(url)


def programme(store: Store) -> Programme:
    book = rulebook()
    return Programme(book, store.settings(book.defaults), store.overrides())
