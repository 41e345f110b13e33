"""The CLI tests use the warehouse tests' small mirror."""

from tests.warehouse.conftest import adopt, only_sources, small_mirror

__all__ = ["adopt", "only_sources", "small_mirror"]
