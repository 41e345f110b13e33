-- World Bank WDI country metadata: every code of a Metadata_Country file, economies and
-- aggregates apart (aggregates have no region), each with the area it maps to.

CREATE TABLE wdi_economies (
    edition      VARCHAR NOT NULL,      -- the WDI extract's date of last update
    code         VARCHAR NOT NULL,      -- World Bank code (ISO3 for most economies; XKX, CHI, WLD ...)
    m49          INTEGER,               -- areas.m49; NULL = unmapped (also in findings)
    name         VARCHAR NOT NULL,      -- the file's TableName
    region       VARCHAR,               -- World Bank region; NULL for aggregates
    income_group VARCHAR,               -- World Bank income group; NULL for aggregates and unclassified
    special_notes VARCHAR,
    is_aggregate BOOLEAN NOT NULL,      -- no region in the file: a regional, income or lending group
    file_id      INTEGER NOT NULL,
    row_number   INTEGER NOT NULL       -- the line in the file (1 = header)
);
