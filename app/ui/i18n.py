"""Translations: Galley's own (resources/translations) and Qt's standard dialogs."""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


def install_translators(app: Any, language: str = "system") -> str:
    """Install translators for ``language`` ('system', 'zh_TW' or 'en'); returns the one used."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from app.resources import resource_path

    locale = QLocale.system() if language in ("", "system") else QLocale(language)
    if locale.language() != QLocale.Language.Chinese:
        # English needs only its plural forms ("1 open note", "2 open notes").
        plurals = QTranslator(app)
        if plurals.load("galley_en", str(resource_path("translations"))):
            app.installTranslator(plurals)
            app.setProperty("galley_translators", [plurals])
        return "en"
    # Any Chinese locale gets Traditional Chinese (Taiwan): zh_TW, zh_Hant_TW, zh_Hant_HK…
    locale = QLocale("zh_TW")
    translators = []
    ours = QTranslator(app)
    if ours.load(locale, "galley", "_", str(resource_path("translations"))):
        translators.append(ours)
    else:
        log.warning("no Traditional Chinese translation found in %s", resource_path("translations"))
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    for translator in translators:
        app.installTranslator(translator)
    app.setProperty("galley_translators", translators)
    return "zh_TW"


def status_label(status: str) -> str:
    """The status as people read it, in the window's language (one place for every pane)."""
    from PySide6.QtCore import QCoreApplication

    labels = {
        "draft": QCoreApplication.translate("status", "Draft"),
        "in_review": QCoreApplication.translate("status", "In review"),
        "approved": QCoreApplication.translate("status", "Approved"),
        "published": QCoreApplication.translate("status", "Published"),
        "spiked": QCoreApplication.translate("status", "Spiked"),
    }
    return labels.get(status, status)
