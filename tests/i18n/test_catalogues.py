"""Every catalogue is complete: each message of the templates and code extracted, translated,
not fuzzy, with the same placeholders as the English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from migobs.i18n import LANGUAGES
from migobs.i18n.messages import catalogue_path

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def extracted() -> set[str]:
    """The messages ``pybabel extract -F babel.cfg migobs`` finds today."""
    from babel.messages.frontend import parse_mapping_cfg

    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = extract_from_dir(ROOT / "migobs", method_map, options_map)
    return {str(message) for _, _, message, _, _ in found if isinstance(message, str)}


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != "en"])
def test_catalogue_is_complete(lang: str) -> None:
    with catalogue_path(lang).open("rb") as po:
        catalogue = read_po(po, locale=lang)
    missing = sorted(extracted() - {str(m.id) for m in catalogue if m.id})
    assert not missing, f"{lang}: run `make translations` and translate {missing}"
    for message in catalogue:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms), f"{lang}: {message.id!r} is untranslated"
        assert not message.fuzzy, f"{lang}: {message.id!r} is fuzzy"
        # A plural message has a form per plural category of the language (one in Chinese,
        # six in Arabic): each keeps the placeholders of the English plural.
        plural = message.id[-1] if isinstance(message.id, tuple) else message.id
        english = sorted(PLACEHOLDER.findall(str(plural)))
        for form in forms:
            assert sorted(PLACEHOLDER.findall(str(form))) == english, (
                f"{lang}: {message.id!r} has placeholders {english}, its translation {form!r} "
                "does not"
            )


GETTEXT = {"_", "gettext", "ngettext", "N_"}


def test_no_message_hides_in_an_f_string() -> None:
    """``pybabel extract`` does not look inside f-strings: a ``_("…")`` there is never extracted,
    so it stays in English in every language while the catalogues look complete."""
    hidden = []
    for path in sorted((ROOT / "migobs").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in GETTEXT
                    and inner.args
                    and isinstance(inner.args[0], ast.Constant)
                ):
                    hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert hidden == [], f"move each message out of its f-string: {hidden}"
