"""The report, checked: every claim of the ledger, as stated then and as the data say now."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from migobs.charts.svg import bar_chart
from migobs.claims.check import Verdict
from migobs.http.deps import WarehouseDep
from migobs.http.results import judged
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.web.templating import templates

router = APIRouter(include_in_schema=False)

MARKS: dict[Verdict, str] = {
    "reproduced": N_("✔ reproduced"),
    "close": N_("≈ close"),
    "differs": N_("✘ differs"),
    "not_testable": N_("? not testable"),
}


@router.get("/report", response_class=HTMLResponse)
def report(
    request: Request,
    con: WarehouseDep,
    verdict: Annotated[Verdict | None, Query(description="keep one verdict")] = None,
) -> HTMLResponse:
    """The claims ledger as a page: each claim, its figure then and now, and the verdict."""
    claims = judged(request, con)
    counts = Counter(c["verdict"] for c in claims)
    marks = {v: _(mark) for v, mark in MARKS.items()}
    chart = bar_chart(
        [(marks[v], float(counts.get(v, 0))) for v in marks],
        title=_("Claims by verdict"),
        unit="claims",
        ident="verdicts",
    )
    shown = [c for c in claims if verdict is None or c["verdict"] == verdict]
    return templates.TemplateResponse(
        request,
        "report.html",
        {
            "title": _("The report, checked"),
            "claims": shown,
            "counts": [(marks[v], v, counts.get(v, 0)) for v in marks],
            "chart": chart,
            "marks": marks,
            "verdict": verdict,
        },
    )
