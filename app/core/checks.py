"""Pre-publication checks: what an editor looks at before approving an article.

Each finding names where it is (a field, a body line, a figure or source by position) so the
window can jump there. Errors block approval (unless overridden); warnings are advice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from dataclasses import field as default_field  # Finding has a member called ``field``
from typing import Any

from app.core import typography
from app.core.body_syntax import scan_lines, syntax_problems
from app.core.model import Article
from app.core.text import CJK_RUN
from app.core.values import is_web_url, normalise_date

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class HouseRules:
    """The desk's house style for the checks (kept in the desk settings)."""

    title_max: int = 30  # Chinese characters; two Latin letters or digits count as one
    # "full-width": half-width , : ; ? ! ( ) between Chinese characters are flagged (and the
    # fix offered). "as-written" (the default): many Taiwanese web desks, like our samples,
    # write half-width commas on purpose.
    punctuation: str = "as-written"
    cjk_latin_space: str = "any"  # "space", "no-space" or "any"


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    field: str = ""  # "title", "body", "figures", "sources", "related"…
    line: int | None = None  # body line, 1-based
    column: int | None = None
    index: int | None = None  # position in figures/sources/related
    fix: str = ""  # a fix the app can apply: "full-width-punctuation"
    # The values in ``message``, by name: the window words the finding in its own language.
    params: dict[str, Any] = default_field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in ("", None, {})}


@dataclass
class CheckContext:
    rules: HouseRules = field(default_factory=HouseRules)
    today: dt.date = field(default_factory=dt.date.today)
    article_exists: Callable[[str], bool] = lambda _ref: True


def run_checks(article: Article, ctx: CheckContext | None = None) -> list[Finding]:
    ctx = ctx or CheckContext()
    found: list[Finding] = []
    found += _metadata(article, ctx.rules)
    found += _figures(article)
    found += _sources(article, ctx.today)
    found += _body(article, ctx)
    return found


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity == ERROR]


def _metadata(a: Article, rules: HouseRules) -> list[Finding]:
    out = []
    if not a.title.strip():
        out.append(Finding("title-empty", ERROR, "the title is empty", "title"))
    elif (length := title_length(a.title)) > rules.title_max:
        out.append(
            Finding(
                "title-long",
                WARNING,
                f"the title is {length} characters long (two Latin letters count as one); "
                f"the house limit is {rules.title_max}",
                "title",
                params={"length": length, "limit": rules.title_max},
            )
        )
    if not a.dek.strip():
        out.append(Finding("dek-empty", ERROR, "the dek (standfirst) is empty", "dek"))
    if not [name for name in a.byline if name.strip()]:
        out.append(Finding("byline-empty", ERROR, "there is no byline", "byline"))
    if not a.section.strip():
        out.append(Finding("section-empty", ERROR, "there is no section", "section"))
    return out


def title_length(title: str) -> int:
    """Headline length as desks count it: a Chinese character is one, Latin text half."""
    chinese = sum(len(run) for run in CJK_RUN.findall(title))
    other = len(CJK_RUN.sub("", title).strip())
    return chinese + (other + 1) // 2


def _figures(a: Article) -> list[Finding]:
    out = []
    used = {line.value for line in scan_lines(a.body) if line.kind == "figure"}
    for n, f in enumerate(a.figures):
        name = f"figure '{f.key}'"
        for attr, label, severity in (
            ("caption", "caption", ERROR),
            ("credit", "photo credit", ERROR),
            ("alt", "alt text", ERROR),
        ):
            if not getattr(f, attr).strip():
                out.append(
                    Finding(
                        f"figure-{attr}",
                        severity,
                        f"{name} has no {label}",
                        "figures",
                        index=n,
                        params={"key": f.key},
                    )
                )
        if f.key not in used:
            out.append(
                Finding(
                    "figure-unused",
                    WARNING,
                    f"{name} is defined but not placed in the body",
                    "figures",
                    index=n,
                    params={"key": f.key},
                )
            )
    return out


def _sources(a: Article, today: dt.date) -> list[Finding]:
    out = []
    for n, s in enumerate(a.sources):
        name = f"source {n + 1}"
        for attr in ("date", "outlet", "title"):
            if not getattr(s, attr).strip():
                out.append(
                    Finding(
                        f"source-{attr}",
                        ERROR,
                        f"{name} has no {attr}",
                        "sources",
                        index=n,
                        params={"n": n + 1},
                    )
                )
        if s.url and not is_web_url(s.url):
            out.append(
                Finding(
                    "source-url",
                    ERROR,
                    f"{name}: '{s.url}' is not a web address",
                    "sources",
                    index=n,
                    params={"n": n + 1, "url": s.url},
                )
            )
        if s.date.strip():
            try:
                day = dt.date.fromisoformat(normalise_date(s.date, ValueError)[:10])
            except ValueError:
                out.append(
                    Finding(
                        "source-date",
                        ERROR,
                        f"{name}: '{s.date}' is not a date",
                        "sources",
                        index=n,
                        params={"n": n + 1, "date": s.date},
                    )
                )
            else:
                if day > today:
                    out.append(
                        Finding(
                            "source-future",
                            ERROR,
                            f"{name} is dated {day.isoformat()}, in the future",
                            "sources",
                            index=n,
                            params={"n": n + 1, "date": day.isoformat()},
                        )
                    )
    return out


def _body(a: Article, ctx: CheckContext) -> list[Finding]:
    out: list[Finding] = []
    keys = {f.key for f in a.figures}
    chinese = a.language.lower().startswith("zh")
    traditional = a.language.lower() in ("zh-hant", "zh-tw", "zh-hk", "zh-hant-tw", "zh-hant-hk")
    has_further_links = any(r.kind == "further-reading" for r in a.related)
    # What would stop the page from being built (the import refuses the same): errors.
    for problem in syntax_problems(a.body, keys, ctx.article_exists):
        message = f"line {problem.line}: {problem.message}"
        if problem.code == "figure-undefined":
            message = f"line {problem.line}: figure '{problem.value}' is placed but not defined"
        elif problem.code == "link-missing":
            message = f"line {problem.line}: no article '{problem.value}' in the store"
        params: dict[str, Any] = {"line": problem.line}
        if problem.code == "figure-undefined":
            params["key"] = problem.value
        elif problem.code == "link-missing":
            params["ref"] = problem.value
        elif problem.code == "block-unknown":
            params["kind"] = problem.value
        out.append(Finding(problem.code, ERROR, message, "body", problem.line, params=params))
    block: tuple[int, list[str]] | None = None
    for line in scan_lines(a.body):
        if line.kind == "open":
            block = (line.number, [])
        elif line.kind == "inner" and block is not None:
            block[1].append(line.text)
        elif line.kind == "close" and block is not None:
            if not any(t.strip() for t in block[1]) and not has_further_links:
                out.append(
                    Finding(
                        "further-empty",
                        ERROR,
                        f"line {block[0]}: the further-reading block is empty",
                        "body",
                        block[0],
                        params={"line": block[0]},
                    )
                )
            block = None
        if line.kind == "text" and chinese:
            out += _typography(line.number, line.text, ctx.rules, traditional)
    return out


def _typography(number: int, text: str, rules: HouseRules, traditional: bool) -> list[Finding]:
    out = []
    if rules.punctuation == "full-width":
        hits = typography.half_width_marks(text)
        if hits:
            marks = " ".join(dict.fromkeys(h.text for h in hits))
            out.append(
                Finding(
                    "half-width-punctuation",
                    WARNING,
                    f"line {number}: half-width {marks} between Chinese characters "
                    f"({len(hits)}×); use full-width",
                    "body",
                    number,
                    hits[0].column,
                    fix="full-width-punctuation",
                    params={"line": number, "marks": marks, "count": len(hits)},
                )
            )
    spacing = typography.spacing_problems(text, rules.cjk_latin_space)
    if spacing:
        wanted = "a space" if rules.cjk_latin_space == "space" else "no space"
        out.append(
            Finding(
                "cjk-latin-space",
                WARNING,
                f"line {number}: house style wants {wanted} between Chinese and Latin text "
                f"('{spacing[0].text}')",
                "body",
                number,
                spacing[0].column,
                params={"line": number, "space": rules.cjk_latin_space, "text": spacing[0].text},
            )
        )
    if traditional and CJK_RUN.search(text):
        simplified = typography.simplified_characters(text)
        if simplified:
            chars = "".join(dict.fromkeys(h.text for h in simplified))
            out.append(
                Finding(
                    "simplified",
                    WARNING,
                    f"line {number}: Simplified characters in a Traditional Chinese text: {chars}",
                    "body",
                    number,
                    simplified[0].column,
                    params={"line": number, "chars": chars},
                )
            )
    return out
