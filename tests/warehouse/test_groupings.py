"""The area model's stand-ins (composites, areas beside a country) and same-named groupings."""

from __future__ import annotations

from migobs.warehouse.areas import stand_in_pairs
from migobs.warehouse.read.groupings import Area, StandIn, counted, twins

CHANNEL = StandIn(830, (680, 831, 832), beside=False)
TAIWAN = StandIn(158, (156,), beside=True)
NORTHERN_EUROPE = [680, 826, 831, 832]  # Sark, United Kingdom, Guernsey, Jersey


def test_a_composite_the_file_gives_replaces_its_parts() -> None:
    assert counted(NORTHERN_EUROPE, {826, 830}, [CHANNEL]) == [826, 830]


def test_a_composite_is_not_counted_beside_parts_the_file_also_gives() -> None:
    assert counted(NORTHERN_EUROPE, {826, 830, 831}, [CHANNEL]) == NORTHERN_EUROPE


def test_a_composite_the_file_does_not_give_changes_nothing() -> None:
    assert counted(NORTHERN_EUROPE, {826, 831, 832}, [CHANNEL]) == NORTHERN_EUROPE


def test_a_composite_joins_only_groupings_of_its_parts() -> None:
    assert counted([250, 276], {250, 276, 830}, [CHANNEL]) == [250, 276]


def test_an_area_beside_a_member_joins_when_the_file_gives_it() -> None:
    assert counted([156, 392], {156, 158, 392}, [TAIWAN]) == [156, 158, 392]
    assert counted([156, 392], {156, 392}, [TAIWAN]) == [156, 392]


def test_the_area_model_knows_the_channel_islands_antilles_taiwan_and_kosovo() -> None:
    pairs = set(stand_in_pairs())
    assert {(830, 831, "composite"), (830, 832, "composite"), (830, 680, "composite")} <= pairs
    assert {(530, 531, "composite"), (530, 534, "composite"), (530, 535, "composite")} <= pairs
    assert {(158, 156, "beside"), (412, 688, "beside")} <= pairs


def test_twins_are_groupings_of_the_same_name_but_not_world_bank_aggregates() -> None:
    areas = {
        a.m49: a
        for a in (
            Area(150, None, "Europe", "region"),
            Area(908, None, "EUROPE", "region"),
            Area(947, None, "Sub-Saharan Africa", "sdg_region"),
            Area(9134, None, "Sub-Saharan Africa", "wb_aggregate"),
            Area(250, "FRA", "France", "country"),
        )
    }
    assert twins(areas, 150) == [908]
    assert twins(areas, 947) == []
    assert twins(areas, 9134) == []
