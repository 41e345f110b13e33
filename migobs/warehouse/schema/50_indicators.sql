-- Indicator values computed once per build (migobs/indicators/materialise.py), so that pages,
-- the API, exports and the claims read them instead of computing them per request. Every
-- indicator, edition, year and area the registry would compute with default options; the
-- quarterly indicator per quarter; corridor indicators as their tables. Filled by
-- `migobs build` in the new file before it is swapped in; empty for a warehouse made otherwise
-- (the registry then computes live).

CREATE TABLE IF NOT EXISTS indicator_years (
    code         VARCHAR NOT NULL,      -- definitions.yml code, e.g. stock.total
    edition      VARCHAR NOT NULL,      -- edition of the indicator's first source
    newest       BOOLEAN NOT NULL,      -- the edition asked for as "newest" (edition=None)
    year         INTEGER NOT NULL       -- a year the edition allows
);

CREATE TABLE IF NOT EXISTS indicator_values (
    code         VARCHAR NOT NULL,
    edition      VARCHAR NOT NULL,
    newest       BOOLEAN NOT NULL,
    year         INTEGER NOT NULL,
    position     INTEGER NOT NULL,      -- order in the indicator's table of the year
    computed     BOOLEAN NOT NULL,      -- what compute(code, area, year) gives with default options
    listed       BOOLEAN NOT NULL,      -- in table(): a value, a grouping held under several codes once
    every_code   BOOLEAN NOT NULL,      -- in table_every_code(): a value
    quarter      INTEGER,               -- quarterly indicator: the quarter (1-4)
    area         INTEGER NOT NULL,      -- areas.m49
    area_name    VARCHAR NOT NULL,
    value        DOUBLE,
    unit         VARCHAR NOT NULL,
    method       VARCHAR NOT NULL,
    from_members DOUBLE,
    published    DOUBLE,
    counterpart  INTEGER,
    label        VARCHAR,
    note         VARCHAR NOT NULL,
    period       VARCHAR NOT NULL,
    inputs       INTEGER[] NOT NULL     -- indicator_cells.cell_id of each input, in order
);

CREATE TABLE IF NOT EXISTS indicator_cells (
    cell_id      INTEGER NOT NULL,      -- 0, 1, 2, ... in the order first used
    source       VARCHAR NOT NULL,
    edition      VARCHAR NOT NULL,
    variable     VARCHAR NOT NULL,
    area         INTEGER NOT NULL,
    year         INTEGER NOT NULL,
    value        DOUBLE,
    file         VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    sheet        VARCHAR,
    cell         VARCHAR NOT NULL,
    counterpart  INTEGER
);
