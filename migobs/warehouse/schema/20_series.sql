-- Country-year series of other sources: WPP population, deaths and net migrants; World Bank
-- WDI remittances, ODA and GDP. Values are converted once to the unit given (persons, current
-- US$); the unit the file states is kept beside it.

CREATE TABLE series (
    source       VARCHAR NOT NULL,      -- wpp | wdi
    edition      VARCHAR NOT NULL,
    variable     VARCHAR NOT NULL,      -- population | deaths | net_migrants
                                        -- | remittances_received | remittances_paid
                                        -- | oda_received | gdp
    area         INTEGER NOT NULL,      -- areas.m49
    year         INTEGER NOT NULL,      -- the year, or the first year of a period
    period       VARCHAR,               -- e.g. 2015-2020 for five-year periods, else NULL
    value        DOUBLE,
    unit         VARCHAR NOT NULL,      -- persons | current_usd
    file_unit    VARCHAR NOT NULL,      -- what the file states, e.g. thousands
    file_id      INTEGER NOT NULL,
    sheet        VARCHAR,
    cell         VARCHAR NOT NULL
);

-- WPP population on 1 July in persons (converted once from the file's thousands), one row per
-- area and year, with the file and cell it comes from. A view of `series`: the value is stored
-- once, and the two cannot disagree.
CREATE VIEW population AS
SELECT s.edition,                       -- WPP revision, e.g. 2019
       s.area,                          -- areas.m49
       s.year,
       s.value AS persons,              -- NULL where the file says '...'
       s.file_unit,                     -- what the file states: thousands
       s.file_id,
       f.name AS file,
       f.sha256,
       s.sheet,
       s.cell                           -- A1 notation
FROM series s JOIN source_files f USING (file_id)
WHERE s.source = 'wpp' AND s.variable = 'population';
