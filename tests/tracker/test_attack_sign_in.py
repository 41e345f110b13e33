"""Attack: racing the sign-in limit, and locking an owner out of their account (both databases).

100 concurrent wrong passwords for one account once had 19 (SQLite) or 29 (PostgreSQL) of them
checked instead of 5, and 5 failures locked the account for everyone for 15 minutes.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import update

from migobs.errors import NotAuthenticated, TooManyAttempts
from migobs.tracker.limits import LIMITS, PER_ACCOUNT, account_key
from migobs.tracker.service import Tracker
from tests.tracker.conftest import PASSWORD, People

pytestmark = pytest.mark.attack
GUESSERS = 60


def test_concurrent_guesses_check_at_most_the_limit(tracker: Tracker, people: People) -> None:
    barrier = threading.Barrier(GUESSERS, timeout=60)
    outcomes: list[str] = []

    def guess() -> None:
        barrier.wait()
        try:
            tracker.issue_token("mx@example.org", "wrong guess", "198.51.100.7")
        except NotAuthenticated:
            outcomes.append("checked")
        except TooManyAttempts:
            outcomes.append("refused")

    threads = [threading.Thread(target=guess) for _ in range(GUESSERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == GUESSERS
    assert outcomes.count("checked") <= PER_ACCOUNT
    assert outcomes.count("refused") >= GUESSERS - PER_ACCOUNT


def fail(tracker: Tracker, times: int, source: str) -> None:
    for _ in range(times):
        with pytest.raises(NotAuthenticated):
            tracker.issue_token("mx@example.org", "wrong guess", source)


def test_a_lock_out_holds_one_source_only_and_backs_off(tracker: Tracker, people: People) -> None:
    attacker, owner = "198.51.100.7", "192.0.2.1"
    fail(tracker, PER_ACCOUNT, attacker)
    with pytest.raises(TooManyAttempts, match="wait 1 minute "):
        tracker.issue_token("mx@example.org", PASSWORD, attacker)
    assert tracker.issue_token("mx@example.org", PASSWORD, owner)  # the owner is not locked out
    with tracker.engine.begin() as connection:  # a minute later
        connection.execute(
            update(LIMITS)
            .where(LIMITS.c.key == account_key("mx@example.org", attacker))
            .values(locked_until=None)
        )
    fail(tracker, PER_ACCOUNT, attacker)
    with pytest.raises(TooManyAttempts, match="wait 2 minutes"):
        tracker.issue_token("mx@example.org", "wrong guess", attacker)


def test_success_starts_the_count_again(tracker: Tracker, people: People) -> None:
    fail(tracker, PER_ACCOUNT - 1, "192.0.2.1")
    assert tracker.issue_token("mx@example.org", PASSWORD, "192.0.2.1")
    fail(tracker, PER_ACCOUNT - 1, "192.0.2.1")
    assert tracker.issue_token("mx@example.org", PASSWORD, "192.0.2.1")
