"""Page labels in the article's language (not the UI's): a zh-Hant article reads 延伸閱讀."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Labels:
    further_reading: str
    sources: str
    related: str
    editors_picks: str
    published: str
    updated: str
    by: str
    tags: str
    footnotes: str
    correction: str
    latest: str
    other_section: str

    def credit(self, credit: str) -> str:
        raise NotImplementedError

    def date(self, iso: str) -> str:
        raise NotImplementedError

    def numbered(self, label: str, n: int) -> str:
        raise NotImplementedError

    def newest_of(self, shown: int, total: int) -> str:
        raise NotImplementedError


class ChineseLabels(Labels):
    def numbered(self, label: str, n: int) -> str:
        return f"{label}（{n}）"

    def newest_of(self, shown: int, total: int) -> str:
        return f"最新 {shown:,} 篇,共 {total:,} 篇;全部列在"

    def credit(self, credit: str) -> str:
        return f"(圖/{credit})"

    def date(self, iso: str) -> str:
        day, _, time = iso.partition("T")
        text = day.replace("-", "/")
        return f"{text} {time[:5]}" if time else text


class EnglishLabels(Labels):
    MONTHS = (
        "Jan.",
        "Feb.",
        "March",
        "April",
        "May",
        "June",
        "July",
        "Aug.",
        "Sept.",
        "Oct.",
        "Nov.",
        "Dec.",
    )

    def numbered(self, label: str, n: int) -> str:
        return f"{label} ({n})"

    def newest_of(self, shown: int, total: int) -> str:
        return f"The newest {shown:,} of {total:,}; all of them are in"

    def credit(self, credit: str) -> str:
        return f"Photo: {credit}"

    def date(self, iso: str) -> str:
        day, _, time = iso.partition("T")
        try:
            year, month, dom = (int(p) for p in day.split("-"))
            text = f"{self.MONTHS[month - 1]} {dom}, {year}"
        except (ValueError, IndexError):
            return iso
        return f"{text}, {time[:5]}" if time else text


ZH = ChineseLabels(
    further_reading="延伸閱讀",
    sources="參考新聞來源",
    related="相關報導",
    editors_picks="編輯推薦",
    published="發布",
    updated="更新",
    by="記者",
    tags="標籤",
    footnotes="註釋",
    correction="更正",
    latest="最新報導",
    other_section="其他",
)
EN = EnglishLabels(
    further_reading="Further reading",
    sources="Sources",
    related="Related",
    editors_picks="Editor's picks",
    published="Published",
    updated="Updated",
    by="By",
    tags="Tags",
    footnotes="Notes",
    correction="Correction",
    latest="Latest",
    other_section="More news",
)


def labels_for(language: str) -> Labels:
    """Chinese labels for any zh tag (zh-Hant, zh-TW, zh); English for everything else."""
    return ZH if language.lower().split("-")[0] == "zh" else EN
