"""The indicators linked to the Compact's objectives are named in every language, and the reasons
one cannot be measured are said in the reader's language (migobs/i18n/links.py,
objective_links.yml, the gettext catalogues)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from migobs.i18n import LANGUAGES, speaking
from migobs.i18n.links import kept, link_name
from migobs.i18n.messages import translated
from migobs.indicators import gcm
from migobs.tracker import reference
from tests.i18n.test_texts import in_script

OTHERS = [lang for lang in LANGUAGES if lang != "en"]
GCM_MAP = Path(gcm.__file__).parent / "gcm_map.yml"


def linked_names() -> set[str]:
    """Every linked indicator's English name, in the tracker and in the indicators' mapping."""
    tracker = {i.name for o in reference.objectives() for i in o.indicators}
    mapped = {link.name for o in gcm.objective_coverage() for link in o.measurable}
    unmeasured = {link.name for o in gcm.objective_coverage() for link in o.not_measurable}
    return tracker | mapped | unmeasured


@pytest.mark.parametrize("lang", OTHERS)
def test_every_linked_indicator_is_named(lang: str) -> None:
    names = linked_names()
    assert len(names) > 60
    missing = [
        n for n in names if link_name(n, lang) == n or not in_script(link_name(n, lang), lang)
    ]
    assert not missing, f"{lang}: add these to migobs/i18n/objective_links.yml: {missing}"


def test_sdg_names_and_policy_domains() -> None:
    assert link_name("SDG indicator 10.7.2", "fr") == "Indicateur 10.7.2 des ODD"
    assert link_name("SDG 1.5.1 / 11.5.1 / 13.1.1", "es") == "ODS 1.5.1 / 11.5.1 / 13.1.1"
    domains = "SDG 10.7.2 policy domains: D1 Migrant rights; D5 Mobility dimensions of crises"
    assert link_name(domains, "ru") == (
        "Области политики показателя ЦУР 10.7.2: D1 Права мигрантов; "
        "D5 Аспекты мобильности в кризисных ситуациях"
    )
    assert link_name("Statelessness statistics (UNHCR)", "zh") == "无国籍状态统计（难民署）"
    assert link_name("Gap", "en") == "Gap"


def test_no_name_kept_for_a_link_that_does_not_exist() -> None:
    assert set(kept()["names"]) <= linked_names()


def test_every_need_is_marked_for_translation() -> None:
    entries = yaml.safe_load(GCM_MAP.read_text(encoding="utf-8"))["objectives"]
    needs = {i["needs"] for o in entries for i in o["indicators"] if "needs" in i}
    assert needs and needs <= set(gcm.NEEDS)


@pytest.mark.parametrize("lang", OTHERS)
def test_reasons_are_english_data_said_in_the_language(lang: str) -> None:
    reasons = {link.reason for o in gcm.objective_coverage() for link in o.not_measurable}
    assert len(reasons) >= 4
    with speaking(lang):
        said = {reason: translated(reason) for reason in reasons}
    assert all(text != reason and in_script(text, lang) for reason, text in said.items())
    held = gcm.objective_coverage(held=lambda code: False)
    computable = next(
        link for o in held for link in o.not_measurable if "computable by" in link.reason
    )
    assert computable.reason.startswith("computable by ")  # English for the API and the CLI
    with speaking("fr"):
        assert translated(computable.reason).startswith("calculable par ")
