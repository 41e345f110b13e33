"""How figures look to people, shared by the renderers and the faces: numbers in the current
language (:mod:`migobs.charts.format`) and line and bar charts as SVG (:mod:`migobs.charts.svg`).
The dashboard draws its charts with them, and so do the PDF reports. Imports: core only."""
