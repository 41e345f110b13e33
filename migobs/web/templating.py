"""The Jinja environment of the dashboard: templates beside this module, number filters."""

from __future__ import annotations

from pathlib import Path

from fastapi.templating import Jinja2Templates

from migobs.web.format import abbreviated, number, quantity

HERE = Path(__file__).parent

templates = Jinja2Templates(directory=HERE / "templates")
templates.env.filters["number"] = number
templates.env.filters["abbreviated"] = abbreviated
templates.env.filters["quantity"] = quantity
