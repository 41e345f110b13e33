"""Migration Observatory: official migration statistics as evidence anyone can check."""

import os

__version__ = "0.1.0"

# Arrow's default allocator (mimalloc) hands large buffers back to the system as soon as they are
# freed, so each copy of a long text column (every filter of a pandas frame: its text columns
# are Arrow arrays) pays the page faults again: 20-100 ms a column of the 442,000 UN DESA
# origin-destination rows, against 2-10 ms with the C library's allocator. Set before pyarrow
# is imported (and inherited by worker processes); a value already set is kept.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
