"""The Compact tracker: an island with its own transactional database. Imports: core only."""
