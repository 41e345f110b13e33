"""Official files → tidy records with provenance. Imports: core only (errors, config, provenance).

One module per source reads every edition of it, with the editions' differences kept as data in
the ``<source>.yml`` beside it. Parsers return what the file says, with each value's cell: they
do not harmonise names, aggregate or correct (that is the warehouse's job).
"""
