from __future__ import annotations

from migobs.charts.format import abbreviated, money, nice_ticks, quantity, span, wrap


def test_ticks_are_round_steps_not_quarters_of_the_maximum() -> None:
    assert nice_ticks(0, 0.929) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert nice_ticks(0, 12_960_000) == [0, 5e6, 10e6, 15e6]
    assert nice_ticks(0, 67.6e9, 4) == [0, 20e9, 40e9, 60e9, 80e9]


def test_ticks_cover_both_signs_and_include_zero() -> None:
    ticks = nice_ticks(-2_470_000, 1_200_000)
    assert ticks == [-3e6, -2e6, -1e6, 0, 1e6, 2e6]


def test_flat_series_still_get_an_axis() -> None:
    assert nice_ticks(0, 0) == [0, 0.2, 0.4, 0.6, 0.8, 1.0]
    assert nice_ticks(5, 5)[0] <= 5 <= nice_ticks(5, 5)[-1]


def test_negative_labels_use_a_minus_sign_and_words_between() -> None:
    assert abbreviated(-50_000) == "−50k"
    assert abbreviated(2_470_000) == "2.47M"
    assert abbreviated(1.5e12) == "1.5T"  # not "1.5e+03B"
    assert span(-50_000, -10_000) == "−50k to −10k"


def test_money_in_words() -> None:
    assert money(600_000_000_000) == "USD 600 bn"
    assert money(45_000_000) == "USD 45 million"
    assert money(1.5e12) == "USD 1.5 tn"
    assert quantity(6e11, "current US$") == "USD 600 bn"
    assert quantity(258_000_000, "persons") == "258,000,000 <small>persons</small>"
    assert quantity(None, "persons") == "–"


def test_labels_wrap_at_spaces_into_two_lines() -> None:
    assert wrap("Remittances received", 12) == ["Remittances", "received"]
    assert wrap("Official aid received", 12) == ["Official aid", "received"]
    assert wrap("Dead and missing in Central America", 12) == ["Dead and", "missing in …"]


def test_axis_labels_money_and_dates_in_each_language() -> None:
    from migobs.charts.format import day
    from migobs.i18n import speaking

    with speaking("fr"):
        assert abbreviated(2_470_000) == "2,47\xa0M" and abbreviated(-50_000) == "−50\xa0k"
        assert money(600_000_000_000) == "600 milliards USD"
        assert span(-50_000, -10_000) == "−50\xa0k à −10\xa0k"
        assert quantity(258_000_000, "persons") == "258\u202f000\u202f000 <small>personnes</small>"
        assert day("2025-02-01") == "1 févr. 2025"
    with speaking("zh"):
        assert abbreviated(2_500_000) == "250万" and money(6e11) == "6000亿美元"
        assert day("2025-02-01") == "2025年2月1日"
    with speaking("ar"):
        assert abbreviated(2_500_000) == "2.5\xa0مليون"  # Latin digits: CLDR's default for ar
    assert day("2025-02-01") == "Feb 1, 2025" and day(None) == ""
