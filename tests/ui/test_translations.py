"""The zh_TW translation is complete and really used by the window."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from app.resources import resource_path

TS = resource_path("translations", "galley_zh_TW.ts")


def _sources(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (ctx.findtext("name"), msg.findtext("source"))
        for ctx in tree.iter("context")
        for msg in ctx.iter("message")
    }


def test_every_entry_is_translated() -> None:
    unfinished = []
    for ctx in ET.parse(TS).iter("context"):
        for msg in ctx.iter("message"):
            translation = msg.find("translation")
            forms = (
                [f.text for f in translation.iter("numerusform")]
                if translation is not None and msg.get("numerus") == "yes"
                else [translation.text if translation is not None else ""]
            )
            if (
                translation is None
                or translation.get("type") in ("unfinished", "obsolete")
                or not all((form or "").strip() for form in forms)
            ):
                unfinished.append((ctx.findtext("name"), msg.findtext("source")))
    assert unfinished == []


def test_counts_read_as_english_and_chinese_count_them(qapp) -> None:  # noqa: ANN001
    """One open note, two open notes; Chinese says the number and has one form."""
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import install_translators

    def notes(n: int) -> str:
        return QCoreApplication.translate("ReviewQueue", "%n open notes", "", n)

    assert install_translators(qapp, "en") == "en"
    assert (notes(1), notes(2)) == ("1 open note", "2 open notes")
    assert install_translators(qapp, "zh_TW") == "zh_TW"
    try:
        assert (notes(1), notes(2)) == ("1 則未解決註記", "2 則未解決註記")
    finally:
        for translator in qapp.property("galley_translators") or []:
            QCoreApplication.removeTranslator(translator)


def test_every_string_in_the_code_is_in_the_ts(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate comes with PySide6"
    fresh = tmp_path / "fresh.ts"
    ui = sorted(str(p) for p in (Path(__file__).parents[2] / "app" / "ui").glob("*.py"))
    subprocess.run([lupdate, *ui, "-ts", str(fresh)], check=True, capture_output=True)
    missing = _sources(fresh) - _sources(TS)
    assert missing == set(), "run packaging/build-translations.sh and translate: " + repr(missing)


def test_qm_is_newer_than_or_built_from_ts() -> None:
    assert resource_path("translations", "galley_zh_TW.qm").stat().st_size > 5000


def test_window_speaks_traditional_chinese(qtbot, store, settings, qapp) -> None:  # noqa: ANN001
    from PySide6.QtCore import QCoreApplication

    from app.ui.i18n import install_translators
    from app.ui.main_window import MainWindow

    assert install_translators(qapp, "zh_TW") == "zh_TW"
    try:
        window = MainWindow(store, settings)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["檔案(&F)", "編輯(&E)", "插入(&I)", "檢視(&V)", "說明(&H)"]
        assert window.workspace.panel.itemText(0).startswith("參考來源")
        window.close()
    finally:
        for translator in qapp.property("galley_translators") or []:
            QCoreApplication.removeTranslator(translator)


def test_every_check_finding_is_worded_in_chinese(qapp) -> None:  # noqa: ANN001
    """Every code app.core.checks can emit has a template, its values fill it, and the
    zh_TW translation words it (the core's messages are English)."""
    import datetime as dt
    import re

    from PySide6.QtCore import QCoreApplication

    from app.core import checks
    from app.core.checks import CheckContext, HouseRules, run_checks
    from app.core.model import Article, Figure, Source
    from app.ui.check_messages import TEMPLATES, check_message
    from app.ui.i18n import install_translators

    source = Path(checks.__file__).read_text(encoding="utf-8")
    codes = set(re.findall(r'Finding\(\s*"([a-z-]+)"', source))
    codes |= {f"figure-{a}" for a in ("caption", "credit", "alt")}
    codes |= {f"source-{a}" for a in ("date", "outlet", "title")}
    # The body's syntax problems (app.core.body_syntax), reported as errors by the checks.
    codes |= {"figure-undefined", "link-missing", "block-unclosed", "block-unknown"}
    codes |= {"block-stray", "markdown-image"}
    assert codes <= set(TEMPLATES), codes - set(TEMPLATES)

    bad = Article(
        id="x",
        slug="x",
        title="一" * 40,
        language="zh-Hant",
        body="![[nope]]\n\n簡体字,在这里Reuters報導\n\n[舊稿](article:gone)\n\n"
        "::: further-reading\n:::\n\n![圖](x.png)\n\n:::\n\n::: sidebar\n內容\n:::\n\n"
        "::: further-reading\n沒有結尾",
        figures=[Figure(key="pic", image="0" * 64)],
        sources=[
            Source(date="", outlet="", title="", url="ftp://x"),
            Source(date="someday", outlet="a", title="b"),
            Source(date="2999-01-01", outlet="a", title="b"),
        ],
    )
    rules = HouseRules(punctuation="full-width", cjk_latin_space="space")
    found = run_checks(bad, CheckContext(rules=rules, article_exists=lambda _r: False))
    found += run_checks(Article(id="y", slug="y", title=""), CheckContext(today=dt.date.today()))
    assert {f.code for f in found} == codes, codes ^ {f.code for f in found}
    assert install_translators(qapp, "zh_TW") == "zh_TW"
    try:
        for finding in found:
            worded = check_message(finding)
            assert worded != finding.message, finding.code
            assert re.search(r"[\u4e00-\u9fff]", worded), worded
            assert "{" not in worded, worded
    finally:
        for translator in qapp.property("galley_translators") or []:
            QCoreApplication.removeTranslator(translator)
