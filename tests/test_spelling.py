"""English spelling in a Chinese newsroom's copy, and the desk's own words."""

from __future__ import annotations

import builtins
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from app.cli import main
from app.core.errors import InputError
from app.core.model import DeskSettings
from app.core.spelling import MAX_SUGGESTIONS, Speller
from app.store import Store
from app.store.desk import validate_desk, with_setting


def _dictionary_reason() -> str:
    speller = Speller()
    return "" if speller.available else speller.reason


_MISSING = _dictionary_reason()
needs_dictionary = pytest.mark.skipif(
    bool(_MISSING),
    reason=f"enchant's en_US dictionary is unavailable here ({_MISSING}); "
    "packaging/setup-debian.sh installs libenchant-2-2 and hunspell-en-us",
)


def flagged(text: str, *extra: str) -> list[str]:
    return [word for _, _, word in Speller(extra).misspelled(text)]


@needs_dictionary
def test_misspelled_words_with_their_places_in_code_points() -> None:
    text = "高雄市長 said the recieve line at Kaohsiung harbour was teh longest."
    found = Speller().misspelled(text)
    assert [w for _, _, w in found] == ["recieve", "harbour", "teh"]
    for start, end, word in found:
        assert text[start:end] == word
    # Offsets count code points, across lines and astral characters alike.
    emoji = "🌀颱風\n𠀋 Typhon warnng"
    [(start, end, word)] = Speller().misspelled(emoji)
    assert (word, emoji[start:end]) == ("warnng", "warnng")


@needs_dictionary
def test_chinese_and_what_is_not_prose_are_left_alone() -> None:
    body = "\n".join(
        [
            "颱風山陀兒逼近，高雄市政府宣布停班停課。",
            "在Kaohsiung舉行的記者會上，市府說明抽水站整備。",
            "詳見 https://www.example.org/xyzzy/qwrtp?lang=zhh 與 www.exmaple.org/plgh",
            "來信 wangxyz@newsroom.exmaple.tw 或 [防災總體檢](article:1a2b3c4d)",
            "![[wang-yi_fnagmei]]",
            "::: further-reading",
            "- [延伸閱讀](https://news.example.org/qzxv)",
            ":::",
            "The MRT and TSMC's COVID19 3rd-quarter A4 sheets, in `codee` spans.",
            "```",
            "def speling(): pass",
            "```",
            '<span class="qqxx">well</span>',
        ]
    )
    assert flagged(body) == []


@needs_dictionary
def test_the_desks_words_are_never_flagged() -> None:
    text = "Tsai Ing-wen met Lai in Hsinchu; Galleyx ran the story. Tsai's aides."
    assert set(flagged(text)) >= {"Tsai", "Galleyx"}
    assert flagged(text, "Tsai", "Ing-wen", "Lai", "Hsinchu", "Galleyx") == []
    # A lower-case desk word is accepted capitalised too; a capitalised one only as given.
    assert flagged("Zhongshan and zhongshan", "zhongshan") == []
    assert flagged("Zhongshan and zhongshan", "Zhongshan") == ["zhongshan"]
    # A phrase in the list counts word by word.
    assert flagged("Xinyi district", "Xinyi District") == []


@needs_dictionary
def test_apostrophes_accents_and_hyphens() -> None:
    assert flagged("Taiwan's and Taiwan’s economy; the café's naïve menu; don't") == []
    assert flagged("a well-known teh-shop") == ["teh"]


@needs_dictionary
def test_suggestions_are_few_and_put_the_desks_words_first() -> None:
    speller = Speller(["Kaohsiung", "Pingtung"])
    assert speller.suggestions("recieve")[0] == "receive"
    assert speller.suggestions("Kaohsuing")[0] == "Kaohsiung"
    assert speller.suggestions("Pingtong")[0] == "Pingtung"
    assert all(len(speller.suggestions(w)) <= MAX_SUGGESTIONS for w in ("teh", "sgdf", "aple"))
    assert speller.suggestions("") == []


def test_without_enchant_nothing_is_flagged_and_nothing_fails(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_import = builtins.__import__

    def no_enchant(name: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if name == "enchant" or name.startswith("enchant."):
            raise ImportError("The 'enchant' C library was not found")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, "enchant", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_enchant)
    speller = Speller(["Kaohsiung"])
    assert not speller.available and "enchant" in speller.reason
    assert speller.misspelled("teh recieve") == []
    assert speller.suggestions("teh") == []


def test_a_missing_dictionary_is_said_not_raised() -> None:
    speller = Speller(language="xx_YY")
    assert not speller.available and "xx_YY" in speller.reason
    assert speller.misspelled("teh") == []


def test_importing_the_module_does_not_load_enchant() -> None:
    code = "import sys, app.core.spelling; print('enchant' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


# -- the desk's word list ----------------------------------------------------------------------
def test_spelling_words_are_a_desk_setting_set_as_json_or_commas() -> None:
    desk = DeskSettings()
    assert desk.spelling_words == []
    as_json = with_setting(desk, "spelling_words", '["Kaohsiung", "Galley"]')
    assert as_json.spelling_words == ["Kaohsiung", "Galley"]
    typed = with_setting(desk, "spelling_words", " Kaohsiung, Galley，Pingtung、Kaohsiung ")
    assert typed.spelling_words == ["Kaohsiung", "Galley", "Pingtung"]
    assert with_setting(typed, "spelling_words", "[]").spelling_words == []


@pytest.mark.parametrize(
    ("words", "says"),
    [
        ("not a list", "give the desk's words"),
        (["Kaohsiung", 3], "give the desk's words"),
        (["Kaohsiung", " "], "give the desk's words"),
        ([" Kaohsiung"], "give the desk's words"),
        (["Kao\nhsiung"], "give the desk's words"),
        (["Kaohsiung", "Kaohsiung"], "listed twice"),
    ],
)
def test_a_bad_word_list_is_refused_and_named(words: object, says: str) -> None:
    with pytest.raises(InputError, match=says) as caught:
        validate_desk(replace(DeskSettings(), spelling_words=words))  # type: ignore[arg-type]
    assert caught.value.field == "spelling_words"


def test_galley_desk_set_spelling_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = ["--store", str(tmp_path / "galley.sqlite")]
    assert main(["desk", "set", "spelling_words", '["Kaohsiung","Galley"]', *store]) == 0
    capsys.readouterr()
    assert main(["desk", "--json", *store]) == 0
    assert json.loads(capsys.readouterr().out)["spelling_words"] == ["Kaohsiung", "Galley"]
    assert main(["desk", "set", "spelling_words", "Pingtung, Hsinchu", *store]) == 0
    capsys.readouterr()
    assert main(["desk", "--json", *store]) == 0
    assert json.loads(capsys.readouterr().out)["spelling_words"] == ["Pingtung", "Hsinchu"]
    assert main(["desk", "set", "spelling_words", '["Kaohsiung", 3]', *store]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "spelling_words" in err and "Traceback" not in err


def test_the_word_list_travels_with_the_desks_settings_file(tmp_path: Path) -> None:
    with (
        Store.open(tmp_path / "a" / "galley.sqlite") as a,
        Store.open(tmp_path / "b" / "galley.sqlite") as b,
    ):
        a.save_desk(replace(a.desk(), spelling_words=["Kaohsiung", "Galley"]), by="王編輯")
        exported = json.loads(json.dumps(a.desk_settings.export()))
        assert exported["settings"]["spelling_words"]["value"] == ["Kaohsiung", "Galley"]
        changed, _ = b.desk_settings.unite(exported, file="desk:desk/settings.json")
        assert changed and b.desk().spelling_words == ["Kaohsiung", "Galley"]
        # A hostile file: words of the wrong type change nothing.
        exported["settings"]["spelling_words"]["value"] = ["Kaohsiung", {"x": 1}]
        exported["settings"]["spelling_words"]["changed_at"] = "9999-01-01T00:00:00Z"
        with pytest.raises(InputError, match="cannot be used: holds something other than text"):
            b.desk_settings.unite(exported, file="desk:desk/settings.json")
        assert b.desk().spelling_words == ["Kaohsiung", "Galley"]


def test_the_word_list_reaches_another_laptop_through_a_desk_sync(tmp_path: Path) -> None:
    import pygit2

    from app.exchange.desk_sync import DeskSync

    desk = tmp_path / "desk.git"
    pygit2.init_repository(str(desk), bare=True)
    with (
        Store.open(tmp_path / "a" / "galley.sqlite") as a,
        Store.open(tmp_path / "b" / "galley.sqlite") as b,
    ):
        a.save_desk(replace(a.desk(), spelling_words=["Kaohsiung", "Pingtung"]), by="王編輯")
        DeskSync(a, by="王編輯").sync(str(desk))
        DeskSync(b, by="林記者").sync(str(desk))
        assert b.desk().spelling_words == ["Kaohsiung", "Pingtung"]
