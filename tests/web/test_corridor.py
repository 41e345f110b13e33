from __future__ import annotations

import httpx


def test_corridor_shows_stock_in_each_edition(client: httpx.Client) -> None:
    html = client.get("/corridor", params={"origin": 484, "destination": 840}).text
    assert "Mexico → United States of America" in html
    assert "12,683,066" in html  # 2017 edition, 2017
    assert "11,489,684" in html  # 2019 edition, 2019
    assert "undesa_stock 2017" in html and "undesa_stock 2019" in html


def test_largest_corridors_flow_view(client: httpx.Client) -> None:
    html = client.get("/corridor").text
    assert "Largest corridors, 2019" in html
    assert "<title>Mexico → United States of America: 11,489,684 persons</title>" in html


def test_unknown_end_is_404(client: httpx.Client) -> None:
    response = client.get("/corridor", params={"origin": 999, "destination": 840})
    assert response.status_code == 404 and "origin=999" in response.text
    assert client.get("/corridor", params={"origin": "x"}).status_code == 422


def test_largest_corridors_of_a_region(client: httpx.Client) -> None:
    html = client.get("/corridor", params={"region": 150}).text
    assert "Corridors of Europe" in html
    assert '<option value="150" selected>Europe</option>' in html
    assert "Corridors of the world" in client.get("/corridor", params={"region": 900}).text
