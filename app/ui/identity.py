"""Who is at this laptop, as kept in the window's settings: read at every start, so apart
from the dialog that asks (``identity_dialog``), which the start does not need."""

from __future__ import annotations

import os
from typing import Any

from app.core.workflow import REPORTER, ROLES

ROLE_KEY = "user/role"
NAME_KEY = "user/name"


def saved_role(settings: Any) -> str:
    """The role kept in the settings, else ``$GALLEY_ROLE``, else a reporter's."""
    role = str(settings.value(ROLE_KEY, "") or "") or os.environ.get("GALLEY_ROLE", "")
    return role if role in ROLES else REPORTER
