from __future__ import annotations

from sqlalchemy import inspect, text

from migobs.gcm import db, reference


def test_reference_data_is_complete() -> None:
    objectives = reference.objectives()
    assert [o.number for o in objectives] == list(range(1, 24))
    assert objectives[22].title.startswith("Strengthen international cooperation")
    assert [p.letter for p in reference.principles()] == list("abcdefghij")
    assert all(o.indicators for o in objectives)
    codes = {s.m49: s.name for s in reference.states()}
    assert codes["484"] == "Mexico" and codes["008"] == "Albania"
    assert reference.source()["document"] == "A/RES/73/195"


def test_migrations_go_down_and_up_again(tracker_url: str) -> None:
    engine = db.make_engine(tracker_url)
    try:
        db.downgrade(engine)
        assert "commitments" not in inspect(engine).get_table_names()
        db.prepare(engine)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM objectives")).scalar() == 23
            assert connection.execute(text("SELECT count(*) FROM principles")).scalar() == 10
    finally:
        engine.dispose()
