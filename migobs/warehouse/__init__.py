"""Storage: the one DuckDB warehouse. Imports: core, sources. Only read.py is used by the layers above."""
