"""Domain: the ledger of published claims, checked against the warehouse. Imports: core, warehouse.read, indicators."""
