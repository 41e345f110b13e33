from __future__ import annotations

import httpx


def test_report_lists_every_claim_with_a_verdict(client: httpx.Client) -> None:
    from migobs.claims.ledger import ledger

    html = client.get("/report").text
    assert "The report, checked" in html
    for claim in ledger():
        assert f'<th scope="row">{claim.id}</th>' in html
    assert "? not testable" in html  # verdicts in words and symbols, not colour alone


def test_report_filters_by_verdict(client: httpx.Client) -> None:
    html = client.get("/report", params={"verdict": "not_testable"}).text
    assert "The claims ledger: ? not testable" in html
    assert client.get("/report", params={"verdict": "maybe"}).status_code == 422


def test_money_in_words_and_no_cells_link_for_claims_not_computed(client: httpx.Client) -> None:
    html = client.get("/report").text
    c05 = html.split('<th scope="row">C05</th>')[1].split("</tr>")[0]
    assert '<td class="num">USD 600 bn</td>' in c05  # as stated, not 600,000,000,000
    untestable = client.get("/report", params={"verdict": "not_testable"}).text
    assert 'href="/api/claims/' not in untestable
    assert "no cells: not computed" in untestable
