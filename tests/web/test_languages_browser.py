"""Pages in the six languages in real headless Chromium: Mexico's name, the locale's number
separators, right-to-left Arabic that overflows nowhere, the tracker's sign-in translated, and no
serious axe violation."""

from __future__ import annotations

import pytest
from babel.numbers import format_decimal

from migobs.i18n import LANGUAGES
from tests.support.browser import PHONE, Problems, screenshot
from tests.web.test_accessibility import serious
from tests.web.test_languages import MEXICO

pytestmark = pytest.mark.browser

SIGN_IN = {
    "en": "Sign in",
    "ar": "تسجيل الدخول",
    "zh": "登录",
    "fr": "Se connecter",
    "ru": "Войти",
    "es": "Iniciar sesión",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_country_page_in_each_language(
    browser_page: tuple[object, Problems], live_server: str, lang: str
) -> None:
    from playwright.sync_api import Page

    page, _ = browser_page
    assert isinstance(page, Page)
    page.goto(f"{live_server}/{lang}/country/484")
    assert MEXICO[lang] in page.locator("h1").inner_text()
    assert page.locator("html").get_attribute("lang") == lang
    immigrants = format_decimal(1060707, locale=lang, numbering_system="default")
    assert immigrants in page.locator("main").inner_text()
    if immigrants != "1,060,707":  # French, Russian, Spanish: no English separators left
        assert "1,060,707" not in page.locator("main").inner_text()
    assert serious(page) == []
    screenshot(page, f"country-{lang}")


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
def test_arabic_is_right_to_left_and_overflows_nowhere(
    browser_page: tuple[object, Problems], live_server: str, width: int
) -> None:
    from playwright.sync_api import Page

    page, _ = browser_page
    assert isinstance(page, Page)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server}/ar/country/484")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('main svg')).direction") == "ltr"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(page, f"country-ar-{width}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tracker_sign_in_in_each_language(
    browser_page: tuple[object, Problems], live_server: str, lang: str
) -> None:
    from playwright.sync_api import Page

    page, _ = browser_page
    assert isinstance(page, Page)
    page.goto(f"{live_server}/{lang}/tracker/login")
    assert page.locator("h1").inner_text() == SIGN_IN[lang]
    assert serious(page) == []
    assert (
        page.locator("form[method=post]").last.get_attribute("action") == f"/{lang}/tracker/login"
    )
