"""The API's public models of flows estimated from stocks: runs, flows and corridors
(``/api/flows``). The other models are in :mod:`migobs.api.schemas`."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel

from migobs.api.schemas import M49, m49_field


# One stored flow estimate: a method run on one period of a stock edition, with diagnostics.
class FlowRunPublic(BaseModel):
    run_id: str
    method: str
    edition: str  # undesa_stock edition of the origin x destination stock
    demography: str  # e.g. wpp/2019: population, deaths and net migration used
    sex: str
    year0: int
    year1: int
    period: str  # "<year0>-<year1>"
    years: int  # the period's length
    converged: bool  # every fit stopped and met its margins
    margins_met: bool  # every fit met its margins
    countries: int
    total_flow: float  # persons moving between countries in the period
    total_flow_per_year: float  # total_flow / years
    world_pop: float  # world population at year0
    options: dict[str, Any]
    diagnostics: dict[str, Any]  # convergence, negatives, excess births, global balance


# Which run and period a flow belongs to (shared by the flow lists).
# converged: every fit met its margins; margins_met: no margin missed; years: period length.
class FlowPeriod(BaseModel):
    run_id: str
    method: str
    edition: str
    sex: str
    year0: int
    year1: int
    period: str
    years: int
    converged: bool
    margins_met: bool


# Persons estimated to have moved from origin to destination in a run's period.
class FlowPublic(FlowPeriod):
    origin: Annotated[M49, m49_field("UN M49 code (text) of the country moved from")]
    origin_name: str | None
    destination: Annotated[M49, m49_field("UN M49 code (text) of the country moved to")]
    destination_name: str | None
    flow: float
    flow_per_year: float  # flow / years: the annual average, comparable across periods
    lower: float | None = None  # 5th percentile of the newest ensemble (flows ensemble)
    upper: float | None = None  # 95th percentile; both null when no ensemble covers the run


# Both directions of one corridor in one run's period (persons; net = there minus back).
class FlowCorridorPublic(FlowPeriod):
    origin: Annotated[M49, m49_field("UN M49 code (text) of the corridor's origin")]
    origin_name: str
    destination: Annotated[M49, m49_field("UN M49 code (text) of the corridor's destination")]
    destination_name: str
    to_destination: float
    to_origin: float
    net: float
    to_destination_per_year: float  # annual averages (value / years)
    to_origin_per_year: float
    net_per_year: float
    lower: float | None = None  # to_destination's 90% interval (newest ensemble; null if none)
    upper: float | None = None
    to_origin_lower: float | None = None  # to_origin's 90% interval
    to_origin_upper: float | None = None
