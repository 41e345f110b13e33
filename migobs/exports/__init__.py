"""Renderer: files in the formats of the field. Imports: domain, warehouse.read, core."""
