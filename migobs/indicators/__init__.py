"""Domain: SDG 10.7, 10.c, 17.3 and the Compact's indicators. Imports: core, warehouse.read."""
