"""Who a byline names: a person, or the newsroom itself (報呱編輯部, Staff).

Search engines want an organisation byline marked as an ``Organization``: crediting a desk
as a ``Person`` is a mistake Google's article guidance names.
"""

from __future__ import annotations

import re

# Names that say "the newsroom" whatever the desk: 編輯部, 編輯台, 新聞中心, 新聞網, 報社,
# 通訊社 and 中心 at the end of a Chinese name; Staff, Newsroom, Desk, Editors in English.
ORGANIZATION_NAME = re.compile(
    r"(編輯部|編輯台|編輯室|新聞中心|新聞網|新聞部|報社|通訊社|中心|電台|電視台)$"
    r"|\b(staff|newsroom|desk|editors|editorial board|wire)\b",
    re.IGNORECASE,
)


def is_organization(name: str, known: list[str] | tuple[str, ...] = ()) -> bool:
    """True when ``name`` is the desk's own organisation byline or looks like one."""
    stripped = name.strip()
    return stripped in known or ORGANIZATION_NAME.search(stripped) is not None
