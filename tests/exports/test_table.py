from __future__ import annotations

import pandas as pd
import pytest

from migobs.errors import ExportError
from migobs.exports.table import TableMeta, TidyTable

META = TableMeta(name="wdi/2019/remittances_received", title="Remittances", unit="current US$")


def test_missing_column_is_named() -> None:
    frame = pd.DataFrame({"area": [4], "year": [2019], "value": [1.0]})
    with pytest.raises(ExportError, match="area_name"):
        TidyTable(frame=frame, meta=META)


def test_duplicate_key_is_refused() -> None:
    frame = pd.DataFrame(
        {"area": [4, 4], "area_name": ["Afghanistan"] * 2, "year": [2019] * 2, "value": [1.0, 2.0]}
    )
    with pytest.raises(ExportError, match="1 duplicate key"):
        TidyTable(frame=frame, meta=META)


def test_names_derived_from_the_table_name() -> None:
    assert META.slug == "wdi-2019-remittances-received"
    assert META.sdmx_id == "WDI_2019_REMITTANCES_RECEIVED"
    assert META.short_name == "wdi_2019_remittances_received"


def test_sorted_is_in_key_order(stock_table: TidyTable) -> None:
    rows = stock_table.sorted()[["area", "year"]].values.tolist()
    assert rows == [
        ["004", 2015],
        ["004", 2019],
        ["250", 2015],
        ["250", 2019],
        ["900", 2015],
        ["900", 2019],
    ]
