"""The app's language: the system's or the one chosen in Settings, from the shipped catalogues.

Catalogues are Qt's: ``resources/translations/p2p_studio_<code>.ts`` (edited with Qt Linguist,
updated from the code by ``make translations``, which runs PySide6's lupdate and lrelease) and the
compiled ``.qm`` beside each. Qt's own catalogue for the language translates its standard buttons
where the Qt installation has one. English needs none: it is the source text.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from p2p_studio.core.resources import ResourceMissingError, resource_path

#: The shipped languages: code -> name in that language (English is the source text).
LANGUAGES = {"en": "English", "zh_CN": "简体中文", "ja": "日本語", "ko": "한국어"}
AUTO = "auto"
#: Overrides the Settings choice (the test suite runs in English whatever the machine's locale).
LANGUAGE_ENV = "P2P_STUDIO_LANGUAGE"


def language_for(choice: str, system: str) -> str:
    """The shipped language *choice* stands for: itself, or for ``auto`` (and anything unknown)
    the one that matches the *system* locale name (``zh_CN``, ``ja_JP``, ``ko_KR``…), else English."""
    if choice in LANGUAGES:
        return choice
    if system.startswith("zh"):
        return "zh_CN"
    return next((code for code in LANGUAGES if system.split("_")[0] == code), "en")


def catalogue(code: str) -> str:
    """The compiled catalogue of *code*."""
    return str(resource_path("translations", f"p2p_studio_{code}.qm"))


def install_language(app: QCoreApplication, choice: str) -> str:
    """Translate the app into *choice* (``$P2P_STUDIO_LANGUAGE`` first); returns the language used.
    Earlier translators of this app are removed first; a missing catalogue leaves English."""
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.deleteLater()
    code = language_for(os.environ.get(LANGUAGE_ENV) or choice, QLocale.system().name())
    if code == "en":
        return code
    ours = QTranslator(app)  # owned by the app: it lives as long as the app does
    try:
        loaded = ours.load(catalogue(code))
    except ResourceMissingError:
        loaded = False
    if not loaded:
        return "en"
    app.installTranslator(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return code
