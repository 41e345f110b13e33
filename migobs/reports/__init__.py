"""Renderer: country reports. Imports: domain, warehouse.read, core.

Public API::

    country_report(con, area) -> CountryReport      (the figures, each with its cells)
    markdown(report) -> str                          (the report as a Markdown document)
    pdf(report, made=None) -> bytes                  (the report as a PDF, with charts)
"""

from __future__ import annotations

from migobs.reports.country import CountryReport, Headline, country_report
from migobs.reports.markdown import markdown
from migobs.reports.pdf import pdf

__all__ = ["CountryReport", "Headline", "country_report", "markdown", "pdf"]
