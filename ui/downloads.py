"""Every download the pages offer goes through `offer`, so that how files leave the server is
decided in one place (issue 16: personal data leaves only through the logged-in session)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st


def offer(container: Any, label: str, data: bytes | str, file_name: str, mime: str, *,
          key: str | None = None, help: str | None = None, icon: str | None = None,
          width: str = "content", type: str = "secondary",
          on_click: Callable[..., None] | str = "rerun", args: tuple | None = None) -> None:
    """A download button in `container` (st or a column) for `data` named `file_name`."""
    target = container if container is not None else st
    target.download_button(label, data, file_name=file_name, mime=mime, key=key, help=help, icon=icon,
                           width=width, type=type, on_click=on_click, args=args)
