"""Rules for reference sources (參考新聞來源): pasting lines, and what is wrong with an entry.

Reporters paste their source lists from anywhere: a note (``2022年5月24日 聯合報 標題``), a
spreadsheet (tab-separated cells), a browser (a title, then its URL on the next line).
``parse_sources`` reads all of them into rows the writing window shows before they are
added; ``parse_source_line`` is the older one-line reader, kept for its callers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.core.model import Source
from app.core.values import is_web_url, normalise_date

__all__ = ["PastedRow", "parse_source_line", "parse_sources", "source_problems"]

_LINE = re.compile(
    r"^\s*(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s+(?P<outlet>\S+)\s+(?P<title>.+?)"
    r"(?:\s+(?P<url>https?://\S+))?\s*$"
)


def parse_source_line(line: str) -> Source | None:
    """``2022/05/24 Reuters China and Russia hold first military exercise [URL]`` -> Source.

    The outlet is the first word after the date (newsroom lists write it that way: 中央社,
    Reuters, 公視); a URL at the end is taken as the link. None when the line has no date.
    For everything else a reporter pastes (ROC years, a spreadsheet, a URL on its own
    line), use ``parse_sources``.
    """
    m = _LINE.match(line.replace("\u3000", " "))
    if not m:
        return None
    try:
        date = normalise_date(m.group("date").replace(".", "-"), ValueError)
    except ValueError:
        return None
    return Source(
        date=date,
        outlet=m.group("outlet"),
        title=m.group("title").strip(),
        url=m.group("url") or "",
    )


def source_problems(source: Source, *, today: dt.date | None = None) -> dict[str, str]:
    """Field name -> what is wrong with it (empty when the entry is fine)."""
    problems: dict[str, str] = {}
    if source.date:
        try:
            day = dt.date.fromisoformat(normalise_date(source.date, ValueError)[:10])
            if day > (today or dt.date.today()):
                problems["date"] = "date is in the future"
        except ValueError:
            problems["date"] = "not a date (use YYYY-MM-DD)"
    else:
        problems["date"] = "date is missing"
    if not source.outlet.strip():
        problems["outlet"] = "outlet is missing"
    if not source.title.strip():
        problems["title"] = "title is missing"
    if source.url and not is_web_url(source.url):
        problems["url"] = "not an http(s) URL"
    return problems


# -- pasting many lines ------------------------------------------------------------------------


@dataclass(frozen=True)
class PastedRow:
    """One source read from a paste.

    ``lines``: the pasted line(s) it was read from, as pasted (a title and the URL on the
    next line make one row of two lines). ``source``: what could be read, each field as far
    as it could be (a line that is only a title gives a Source with only a title).
    ``problems``: field name (``date``, ``outlet``, ``title``, ``url``, or ``row`` for the
    line as a whole) -> what is wrong or missing; empty when the row can be added as it is.
    """

    lines: tuple[str, ...]
    source: Source
    problems: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The pasted text of this row."""
        return "\n".join(self.lines)

    @property
    def ok(self) -> bool:
        """Whether the row was read completely (nothing missing, nothing wrong)."""
        return not self.problems


def parse_sources(
    text: str, *, today: dt.date, known_outlets: Iterable[str] = ()
) -> list[PastedRow]:
    """Every source in a pasted text, one row per source, in the order pasted.

    Reads, on each line: a date (``2022-05-24``, ``2022/05/24``, ``2022.5.24``,
    ``2022年5月24日``, ROC years ``111/05/24`` and ``民國111年5月24日``, full-width digits,
    and ``5月24日`` without a year: the latest such day not after ``today``), a URL anywhere,
    and an outlet before the title (``聯合報 標題``, ``聯合報／標題``, ``聯合報:標題``,
    ``【聯合報】標題``) or after it as a browser shows it (``標題 | 聯合新聞網``).
    Tab-separated lines are spreadsheet rows: date and URL columns are found by what they
    hold (or by a heading row such as 日期/媒體/標題/網址, which becomes a row of its own
    with a ``row`` problem), the text column whose cells read like outlets' names (else the
    clearly shorter one, else the first) is the outlet, the longest other one the title, and
    any other column goes to the note. A line that is only a URL joins the row above when
    that row has none (a title, then its URL on the next line).

    No line is dropped: a line that cannot be read completely is a row with the fields it
    has and ``problems`` naming the rest (blank lines are skipped). ``known_outlets`` (the
    desk's outlets, say) lets an outlet glued to its title be found (``聯合報颱風…``);
    outlets read on the other lines of the paste are known too.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    known = {o.strip() for o in known_outlets if o.strip()}
    rows = _read(lines, today, known)
    learned = {r.source.outlet for r in rows if r.source.outlet and r.source.date} - known
    if learned:
        rows = _read(lines, today, known | learned)
    return rows


# Characters read as their ASCII twins (one for one, so positions stay put): full-width
# digits and the punctuation around dates and outlets. The title keeps what was pasted.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + n): str(n) for n in range(10)},
        "\uff0f": "/",  # ／
        "\uff0e": ".",  # ．
        "\uff0d": "-",  # －
        "\uff1a": ":",  # ：
        "\uff5c": "|",  # ｜
        "\u3000": " ",
        "\t": " ",
    }
)

# A weekday and a time after the date are part of it: 2022/05/24（二）10:30, 5月24日上午9:00.
_WEEKDAY = (
    r"(?:\s*[(（](?:週|周|星期)?[一二三四五六日天][)）]|\s*(?:週|周|星期)[一二三四五六日天])?"
)
_TIME = (
    r"(?:(?:\s+|\s*(?:上午|下午|中午|晚間|凌晨|早上|晚上)\s*)"
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?"
    r"|T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"  # ISO: T10:30+08:00
)
_DATE = re.compile(
    r"(?<![\d.])(?:"
    r"(?:(?P<roc>民國|民国)\s*)?(?P<cy>\d{2,4})\s*年\s*(?P<cm>\d{1,2})\s*月\s*(?P<cd>\d{1,2})"
    r"(?:\s*[日號号]|(?!\d))"
    r"|(?P<ny>\d{4}|\d{3})\s*(?P<sep>[-/.])\s*(?P<nm>\d{1,2})\s*(?P=sep)\s*(?P<nd>\d{1,2})(?![\d])"
    r"|(?P<mm>\d{1,2})\s*月\s*(?P<md>\d{1,2})\s*[日號号]"
    r")" + _WEEKDAY + _TIME
)
_BULLET = re.compile(r"^\s*(?:[-*•・●○◆■▪►]+|\d{1,3}[.)、](?!\d)|[(（]\d{1,3}[)）])?\s*")
_URL = re.compile(r"(?<![\w@])(?:https?://|www\.)[!-~]+", re.IGNORECASE)
_ADDRESS = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)\S+")  # a cell that is a link
_URL_TAIL = ".,;:!?'\"*"
_TRIM = " \t-–—|/:,;、，；。>»／｜：－\u3000"
_BULLETS = "*•・●○◆■▪►"
_OPEN_CLOSE = {"【": "】", "[": "]", "〔": "〕", "《": "》", "(": ")", "（": "）", "「": "」"}
# The last character of many outlets' names: 聯合報, 中央社, 聯合新聞網, 公視, 鏡週刊, …
_OUTLET_ENDINGS = ("報", "社", "網", "台", "臺", "視", "刊", "誌", "聞", "電台", "廣播")
_MAX_OUTLET = 20
_TAIL_OUTLET = re.compile(
    r"(?:\s*\|\s*|\s[-–—]\s+)(?P<name>[^|]+?)\s*$"
    r"|[(（【\[]\s*(?P<inner>[^()（）【】\[\]]+?)\s*[)）】\]]\s*$"
)
_FIRST_WORD_SEPARATED = re.compile(rf"([^\s/|:]{{1,{_MAX_OUTLET}}})\s*[/|:]")

_HEADINGS = {
    "date": {"日期", "時間", "发布日期", "發布日期", "刊登日期", "報導日期", "date", "published"},
    "outlet": {"媒體", "媒体", "來源", "来源", "出處", "媒體名稱", "報社", "outlet", "source"},
    "title": {"標題", "标题", "新聞標題", "題目", "title", "headline"},
    "url": {"網址", "网址", "連結", "链接", "鏈結", "url", "link"},
    "note": {"備註", "备注", "說明", "note", "notes"},
}


@dataclass
class _Found:
    date: str = ""
    date_problem: str = ""
    outlet: str = ""
    title: str = ""
    url: str = ""
    note: str = ""
    only_url: bool = False


def _read(lines: list[str], today: dt.date, known: set[str]) -> list[PastedRow]:
    tabbed = [line for line in lines if "\t" in line]
    columns, headed = _columns(tabbed, today, known)
    heading = next((n for n, line in enumerate(lines) if "\t" in line), -1) if headed else -1
    rows: list[PastedRow] = []
    for n, line in enumerate(lines):
        if "\t" in line:
            if n == heading:
                rows.append(
                    PastedRow(
                        (line,),
                        Source(),
                        {"row": "column headings: they name the columns below, not a source"},
                    )
                )
                continue
            found = _read_cells(line.split("\t"), columns, today, known)
        else:
            found = _read_line(line, today, known)
        above = rows[-1] if rows else None
        if (
            found.only_url
            and above is not None
            and not above.source.url
            and "row" not in above.problems
            and "\t" not in above.lines[-1]
        ):
            source = Source(**{**vars(above.source), "url": found.url})
            rows[-1] = PastedRow((*above.lines, line), source, _problems(source, None, today))
            continue
        source = Source(found.date, found.outlet, found.title, found.url, found.note)
        rows.append(PastedRow((line,), source, _problems(source, found.date_problem, today)))
    return rows


def _problems(source: Source, date_problem: str | None, today: dt.date) -> dict[str, str]:
    problems = source_problems(source, today=today)
    if date_problem:
        problems["date"] = date_problem
    return problems


# -- dates -------------------------------------------------------------------------------------


def _date_of(m: re.Match[str], today: dt.date) -> tuple[str, str]:
    """(ISO date, "") or ("", what is wrong) for a date match."""
    if m.group("cy"):
        year, month, day = int(m.group("cy")), int(m.group("cm")), int(m.group("cd"))
        if m.group("roc") or year < 1000:
            year += 1911
    elif m.group("ny"):
        year, month, day = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
        if year < 1000:
            year += 1911
    else:
        month, day = int(m.group("mm")), int(m.group("md"))
        return _latest(month, day, today)
    try:
        return dt.date(year, month, day).isoformat(), ""
    except ValueError:
        return "", f"'{m.group().strip()}' is not a real date"


def _latest(month: int, day: int, today: dt.date) -> tuple[str, str]:
    """The latest ``month``/``day`` not after ``today`` (a date written without its year)."""
    for year in range(today.year, today.year - 8, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            if not 1 <= month <= 12 or not 1 <= day <= 31 or (month, day) != (2, 29):
                return "", f"'{month}月{day}日' is not a real date"
            continue  # 2月29日: the latest leap year
        if candidate <= today:
            return candidate.isoformat(), ""
    return "", f"'{month}月{day}日' is not a real date"


def _free_date(folded: str, today: dt.date) -> tuple[re.Match[str], str, str] | None:
    """The line's date: at its start (after a bullet), or standing apart from the words
    around it. A date inside a title (國境5月24日開放) is the title's."""
    start = _BULLET.match(folded)
    first = start.end() if start else 0
    for m in _DATE.finditer(folded):
        before = folded[m.start() - 1] if m.start() > 0 else " "
        after = folded[m.end()] if m.end() < len(folded) else " "
        if m.start() == first or (not before.isalnum() and not after.isalnum()):
            iso, problem = _date_of(m, today)
            return m, iso, problem
    return None


def _whole_date(cell: str, today: dt.date) -> tuple[str, str] | None:
    """A spreadsheet cell that is a date (perhaps with a time): (ISO date, problem)."""
    folded = cell.translate(_FOLD).strip()
    m = _DATE.match(folded)
    if not m or folded[m.end() :].strip():
        return None
    return _date_of(m, today)


# -- URLs --------------------------------------------------------------------------------------


def _urls(folded: str) -> list[tuple[int, int, str]]:
    """Each web address in the line: (start, end, URL); ``www.…`` gets ``https://``."""
    found = []
    for m in _URL.finditer(folded):
        url = m.group().rstrip(_URL_TAIL)
        for close, opening in ((")", "("), ("]", "["), ("}", "{"), (">", "<")):
            while url.endswith(close) and url.count(close) > url.count(opening):
                url = url[:-1].rstrip(_URL_TAIL)
        if "." not in url.split("//", 1)[-1]:
            continue
        end = m.start() + len(url)
        if url.lower().startswith("www."):
            url = "https://" + url
        found.append((m.start(), end, url))
    return found


# -- outlet and title --------------------------------------------------------------------------


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _looks_like_outlet(name: str) -> bool:
    """聯合新聞網, 中央社, BBC News, The Guardian: a name, not the end of a sentence."""
    if name.endswith(_OUTLET_ENDINGS):
        return len(name) <= 10
    words = name.split()
    return 0 < len(words) <= 4 and all(re.fullmatch(r"[A-Z][A-Za-z&.'-]*", w) for w in words)


def _split_outlet(
    original: str, folded: str, known: set[str], *, dated: bool
) -> tuple[str, str, bool]:
    """(outlet, title, found) from what is left of a line once its date and URL are out.

    ``original`` and ``folded`` are the same text, position for position: patterns look at
    the folded one, the outlet and title are cut from what was pasted.
    """
    lead = len(folded) - len(folded.lstrip(_TRIM + _BULLETS))
    text, plain = original[lead:].rstrip(), folded[lead:].rstrip()
    if not plain:
        return "", "", False

    def title_of(start: int, end: int | None = None) -> str:
        return _tidy(text[start:end])

    # An outlet the desk (or another line of this paste) knows, before or after the title.
    for name in sorted(known, key=len, reverse=True):
        after = plain[len(name) : len(name) + 1]
        glued = name[-1].isascii() and after.isascii() and after.isalnum()
        if plain.startswith(name) and not glued and title_of(len(name)):
            return text[: len(name)], title_of(len(name)), True
        if plain.endswith(name) and len(plain) > len(name):
            cut = len(plain) - len(name)
            if not plain[cut - 1].isalnum() and title_of(0, cut):
                return text[cut:], title_of(0, cut), True
    # 【聯合報】標題, [中央社] 標題, 《鏡週刊》標題
    close = _OPEN_CLOSE.get(plain[0])
    if close:
        end = plain.find(close, 1)
        inner = plain[1:end].strip()
        quoted = plain[0] in "(（「" and not _looks_like_outlet(inner)  # （更新）, 「引述」
        if 1 < end <= _MAX_OUTLET + 1 and inner and not quoted and title_of(end + 1):
            return _tidy(text[1:end]), title_of(end + 1), True
    # 標題 | 聯合新聞網, Title - BBC News, 標題（中央社）: the outlet after the title, as a
    # browser's title bar shows it. Not 標題（影）, nor a dash before a subtitle, nor the
    # title after 聯合報｜.
    tail = _TAIL_OUTLET.search(plain)
    if tail:
        key = "name" if tail.group("name") else "inner"
        name = tail.group(key)
        head = plain[: tail.start()].strip()
        piped = key == "name" and "|" in tail.group()
        if (
            head
            and len(name) <= _MAX_OUTLET
            and not re.search(r"[/|:]", name)
            and not _looks_like_outlet(head)
            and (_looks_like_outlet(name) or (piped and not dated and len(head) > len(name)))
        ):
            return _tidy(text[tail.start(key) : tail.end(key)]), title_of(0, tail.start()), True
    # 聯合報／標題, 聯合報:標題, 聯合報｜標題: a separator right after the first word.
    first = _FIRST_WORD_SEPARATED.match(plain)
    if first and not first.group(1).isdigit() and title_of(first.end()):
        return _tidy(text[: first.end(1)]), title_of(first.end()), True
    # 聯合報 標題: the first word, always after a date (newsroom lists write it that way),
    # else only when it reads like an outlet's name.
    word = re.match(r"(\S+)\s+(?=\S)", plain)
    if word and title_of(word.end()):
        name = word.group(1)
        if dated or (len(name) <= 10 and name.endswith(_OUTLET_ENDINGS)):
            return text[: len(name)], title_of(word.end()), True
    return "", _tidy(text), False


def _tidy(text: str) -> str:
    """A title without the separators and empty brackets a cut left around it."""
    text = re.sub(r"[(（\[【〔<]\s*[)）\]】〕>]", " ", text)
    text = text.strip(_TRIM)
    return re.sub(r"[ \u3000]{2,}", " ", text)


def _read_line(line: str, today: dt.date, known: set[str]) -> _Found:
    found = _Found()
    original, folded = line, line.translate(_FOLD)
    bullet = _BULLET.match(folded)
    if bullet:
        original, folded = _blank(original, *bullet.span()), _blank(folded, *bullet.span())
    urls = _urls(folded)
    for start, end, _ in urls:
        original, folded = _blank(original, start, end), _blank(folded, start, end)
    if urls:
        found.url = urls[0][2]
        found.note = " ".join(u for _, _, u in urls[1:])
    if urls and not folded.strip(_TRIM + "*•・●○◆■▪►<>()（）[]"):
        found.only_url = len(urls) == 1
        return found
    date = _free_date(folded, today)
    if date:
        m, found.date, found.date_problem = date
        if found.date_problem:
            found.date = m.group().strip()
        original, folded = _blank(original, *m.span()), _blank(folded, *m.span())
    found.outlet, found.title, _ = _split_outlet(original, folded, known, dated=bool(date))
    return found


def _columns(tabbed: list[str], today: dt.date, known: set[str]) -> tuple[dict[int, str], bool]:
    """What each column of a spreadsheet paste holds ({index: date, outlet, title, url or
    note}), and whether its first row is a row of headings (日期, 媒體, 標題, 網址)."""
    if tabbed:
        cells = [c.strip().lower() for c in tabbed[0].split("\t")]
        named = {
            n: role
            for n, cell in enumerate(cells)
            for role, words in _HEADINGS.items()
            if cell in words
        }
        if len(named) >= 2 and all(not c or n in named for n, c in enumerate(cells)):
            return named, True
    width = max((len(line.split("\t")) for line in tabbed), default=0)
    roles: dict[int, str] = {}
    text_columns: list[tuple[float, int]] = []
    for n in range(width):
        cells = [c for line in tabbed if (c := _cell(line, n).strip())]
        if not cells:
            continue
        urls = sum(1 for c in cells if _ADDRESS.fullmatch(c))
        dates = sum(1 for c in cells if _whole_date(c, today) is not None)
        if urls * 2 > len(cells) and "url" not in roles.values():
            roles[n] = "url"
        elif dates * 2 > len(cells) and "date" not in roles.values():
            roles[n] = "date"
        else:
            text_columns.append((sum(map(len, cells)) / len(cells), n))
    if len(text_columns) == 1:
        roles[text_columns[0][1]] = "title"
    elif text_columns:
        outlet = _outlet_column(tabbed, [n for _, n in text_columns], known)
        roles[outlet] = "outlet"
        roles[max((m, n) for m, n in text_columns if n != outlet)[1]] = "title"
        for _, n in text_columns:
            roles.setdefault(n, "note")
    return roles, False


def _outlet_column(tabbed: list[str], candidates: list[int], known: set[str]) -> int:
    """Which of the text columns holds the outlets: the one whose cells read like outlets'
    names (聯合報, Reuters, or one the desk knows); else the clearly shorter one; else the
    first (date, outlet, title is the usual order)."""
    cells = {n: [c for line in tabbed if (c := _cell(line, n).strip())] for n in candidates}
    like = {
        n: sum(c in known or _looks_like_outlet(c) for c in cs) / len(cs) for n, cs in cells.items()
    }
    best = max(like.values())
    if best > 0.5 and list(like.values()).count(best) == 1:
        return max(like, key=like.__getitem__)
    mean = {n: sum(map(len, cs)) / len(cs) for n, cs in cells.items()}
    shortest = min(mean, key=mean.__getitem__)
    if all(mean[shortest] * 1.5 < m for n, m in mean.items() if n != shortest):
        return shortest
    return candidates[0]


def _cell(line: str, n: int) -> str:
    cells = line.split("\t")
    return cells[n] if n < len(cells) else ""


def _read_cells(
    cells: list[str], columns: dict[int, str], today: dt.date, known: set[str]
) -> _Found:
    found = _Found()
    notes: list[str] = []
    for n, raw in enumerate(cells):
        cell = raw.strip()
        if not cell:
            continue
        role = columns.get(n, "note")
        if role == "url":
            urls = _urls(cell.translate(_FOLD))
            found.url = urls[0][2] if urls else cell
        elif role == "date":
            read = _whole_date(cell, today)
            found.date, found.date_problem = read if read and read[0] else (cell, "")
            if read is None:
                found.date_problem = f"'{cell}' is not a date"
            elif read[1]:
                found.date_problem = read[1]
        elif role == "outlet":
            found.outlet = cell
        elif role == "title":
            found.title = cell
        else:
            notes.append(cell)
    if found.title and not found.outlet and "outlet" not in columns.values():
        outlet, title, split = _split_outlet(
            found.title, found.title.translate(_FOLD), known, dated=False
        )
        if split:
            found.outlet, found.title = outlet, title
    found.note = " ".join(notes)
    return found
