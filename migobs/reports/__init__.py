"""Renderer: country reports. Imports: domain, warehouse.read, core."""
