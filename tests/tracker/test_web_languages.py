"""The tracker's pages in the six languages: a session that holds across languages, the
commitment form translated, redirects that keep the language, pages never cached by path."""

from __future__ import annotations

import pytest

from migobs.i18n import LANGUAGES
from tests.tracker.conftest import EMAILS, People, TestClient, headers, sign_in
from tests.web.test_english_left import english_left

pytestmark = pytest.mark.sqlite_only

NEW_COMMITMENT = {
    "en": ("New commitment for State 484", "Save draft", "Partners (one a line)"),
    "ar": ("التزام جديد للدولة 484", "حفظ المسودة", "الشركاء (شريك في كل سطر)"),
    "zh": ("国家 484 的新承诺", "保存草稿", "合作伙伴（每行一个）"),
    "fr": (
        "Nouvel engagement de l’État 484",
        "Enregistrer le brouillon",
        "Partenaires (un par ligne)",
    ),
    "ru": (
        "Новое обязательство государства 484",
        "Сохранить черновик",
        "Партнёры (по одному в строке)",
    ),
    "es": ("Nuevo compromiso del Estado 484", "Guardar borrador", "Asociados (uno por línea)"),
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_commitment_form_in_each_language(client: TestClient, people: People, lang: str) -> None:
    sign_in(client, EMAILS["mexico"])
    page = client.get(f"/{lang}/tracker/commitments/new")
    assert page.status_code == 200
    for text in NEW_COMMITMENT[lang]:
        assert text in page.text
    assert f'action="/{lang}/tracker/commitments/new"' in page.text


def test_signed_in_page_is_not_served_from_the_public_copy(
    client: TestClient, people: People
) -> None:
    public = client.get("/fr/tracker")
    assert EMAILS["mexico"] not in public.text
    sign_in(client, EMAILS["mexico"])
    assert EMAILS["mexico"] in client.get("/fr/tracker").text


def test_sign_out_redirect_keeps_the_language(client: TestClient, people: People) -> None:
    sign_in(client, EMAILS["mexico"])
    page = client.get("/es/tracker")
    assert "Cerrar sesión" in page.text and 'action="/es/tracker/logout"' in page.text


def test_objectives_and_principles_in_the_language(client: TestClient) -> None:
    page = client.get("/fr/tracker").text
    assert (
        '<a href="/fr/tracker/objectives/1">Collecter et utiliser des données précises et '
        "ventilées qui serviront à l’élaboration de politiques fondées sur la connaissance des "
        "faits</a>" in page
    )
    assert (
        "Investir dans le perfectionnement des compétences et faciliter la reconnaissance mutuelle "
        "des aptitudes, qualifications et compétences "
        '<small class="unofficial">(traduction non officielle)</small>' in page
    )
    assert "S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire</a>" in page
    assert "<dt>(h) Adaptation aux besoins de l’enfant</dt>" in page
    chinese = client.get("/zh/tracker/objectives/20").text
    assert "促进更快、更安全和更便宜的汇款转移" in chinese and "非正式译文" in chinese
    english = client.get("/tracker").text
    assert "Enhance availability and flexibility of pathways for regular migration</a>" in english
    assert "unofficial" not in english


def test_commitment_form_lists_objectives_in_the_language(
    client: TestClient, people: People
) -> None:
    sign_in(client, EMAILS["mexico"])
    page = client.get("/ru/tracker/commitments/new").text
    assert "> 1 - Данные" in page and "> 1 - Data" not in page


def test_summaries_in_the_language(client: TestClient) -> None:
    page = client.get("/es/tracker").text
    assert "<dd>Sitúa en el centro el bienestar de cada migrante" in page
    objective = client.get("/ar/tracker/objectives/8").text
    assert "<p>التعاون في البحث والإنقاذ" in objective


def test_refusals_on_pages_in_the_language_and_english_in_the_api(
    client: TestClient, people: People
) -> None:
    sign_in(client, EMAILS["mexico"])
    refused = client.get("/fr/tracker/queue")
    assert refused.status_code == 403
    assert (
        "Seuls les examinateurs publient ou renvoient les enregistrements ; votre rôle : "
        "point focal." in refused.text
    )
    assert "Only reviewers" not in refused.text
    api = client.get(
        "/fr/api/tracker/audit",
        params={"record": "commitments/1"},
        headers=headers(client, "mexico"),
    )
    assert api.status_code == 403
    assert api.json()["error"]["message"] == "Only reviewers and administrators read the audit log."


def test_field_problems_on_pages_in_the_language(client: TestClient, people: People) -> None:
    sign_in(client, EMAILS["mexico"])
    form = client.get("/ru/tracker/commitments/new").text
    token = form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    refused = client.post(
        "/ru/tracker/commitments/new",
        data={"csrf_token": token, "title": " ", "text": "x", "kind": "vow", "status": "planned"},
    )
    assert refused.status_code == 422
    assert "title: не должно быть пустым" in refused.text
    assert "kind: &#39;vow&#39; не входит в число: commitment, pledge" in refused.text
    assert "must not be empty" not in refused.text


def test_workflow_words_and_dates_in_the_language(client: TestClient, people: People) -> None:
    sign_in(client, EMAILS["mexico"])
    form = client.get("/es/tracker/commitments/new").text
    assert '<option value="pledge">promesa</option>' in form
    assert '<option value="in-progress">en curso</option>' in form
    token = form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    created = client.post(
        "/es/tracker/commitments/new",
        data={
            "csrf_token": token,
            "title": "Censo",
            "text": "Módulo de migración",
            "kind": "pledge",
            "status": "planned",
            "start_date": "2025-02-01",
            "objectives": "1",
        },
        follow_redirects=False,
    )
    assert created.status_code == 303, created.text
    page = client.get(created.headers["location"]).text
    assert "· 1 feb 2025</p>" in page  # the date as Spanish writes it (the form keeps ISO)
    assert '<span class="tag">promesa</span>' in page and "borrador" in page


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_no_english_left_on_signed_in_pages(client: TestClient, people: People, lang: str) -> None:
    sign_in(client, EMAILS["mexico"])
    form = client.get("/tracker/commitments/new").text
    token = form.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    record = {"title": "2025-484", "text": "1 2 3", "kind": "pledge", "status": "planned"}
    created = client.post(
        "/tracker/commitments/new",
        data={"csrf_token": token, **record, "start_date": "2025-02-01", "objectives": "1"},
        follow_redirects=False,
    )
    assert created.status_code == 303, created.text
    number = created.headers["location"].rsplit("/", 1)[1]
    pages = [
        "/tracker",
        "/tracker/commitments/new",
        "/tracker/reviews/new",
        f"/tracker/commitments/{number}",
        "/tracker/states/484",
    ]
    left = english_on(client, pages, lang)
    sign_in(client, EMAILS["reviewer"])
    left |= english_on(client, ["/tracker/queue", f"/tracker/history/commitments/{number}"], lang)
    assert not left, f"{lang}: still in English: {left}"


def english_on(client: TestClient, paths: list[str], lang: str) -> dict[str, list[str]]:
    """The texts of each page in ``lang`` that its English page has too (see
    tests/web/test_english_left.py)."""
    left = {}
    for path in paths:
        english, translated = client.get(path), client.get(f"/{lang}{path}")
        assert english.status_code == translated.status_code == 200, path
        found = english_left(english.text, translated.text, lang)
        if found:
            left[path] = found
    return left
