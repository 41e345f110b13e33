-- Migrant stocks: UN DESA International Migrant Stock (every edition) and the World Bank/KNOMAD
-- bilateral matrix. One row per value in the file; editions side by side.

CREATE TABLE migrant_stock (
    source       VARCHAR NOT NULL,      -- undesa_stock | knomad
    edition      VARCHAR NOT NULL,
    year         INTEGER NOT NULL,      -- reference year (1 July)
    destination  INTEGER NOT NULL,      -- area of residence (areas.m49)
    origin       INTEGER NOT NULL,      -- area of birth/citizenship; 900 = all origins
    sex          VARCHAR NOT NULL,      -- total | male | female
    value        DOUBLE,                -- persons; NULL where the file says '..'
    file_id      INTEGER NOT NULL,      -- source_files.file_id
    sheet        VARCHAR,
    cell         VARCHAR NOT NULL,      -- A1 notation
    flag         VARCHAR                -- what the cell said besides a number: missing ('..'),
                                        -- rounds_to_zero (em dash), protected ('~'); NULL otherwise
);

-- Other series of the migrant-stock workbooks kept as the file states them
-- (population in thousands in Table 2, shares in %, refugees in Table 6), by destination.
CREATE TABLE stock_tables (
    source       VARCHAR NOT NULL,
    edition      VARCHAR NOT NULL,
    variable     VARCHAR NOT NULL,      -- population | migrant_share_pct | female_share_pct
                                        -- | refugees | refugees_share_pct
                                        -- | origin_destination_total (the O-D table's Total column)
    year         INTEGER NOT NULL,
    area         INTEGER NOT NULL,
    sex          VARCHAR NOT NULL,
    value        DOUBLE,                -- converted to persons for counts; unit below
    unit         VARCHAR NOT NULL,      -- persons | percent
    file_id      INTEGER NOT NULL,
    sheet        VARCHAR,
    cell         VARCHAR NOT NULL,
    flag         VARCHAR                -- as in migrant_stock
);

-- UN DESA's "Type of data" of each destination's stock (Table 1): B foreign-born, C citizens,
-- R refugees added, I imputed (e.g. "B R"); what the flow ensemble's noise follows.
CREATE TABLE stock_type_of_data (
    source       VARCHAR NOT NULL,      -- undesa_stock
    edition      VARCHAR NOT NULL,
    area         INTEGER NOT NULL,      -- destination (areas.m49)
    type_of_data VARCHAR NOT NULL,      -- as the file writes it, e.g. "B R"
    file_id      INTEGER NOT NULL,
    sheet        VARCHAR,
    cell         VARCHAR NOT NULL       -- A1 cell of the type column
);
