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
