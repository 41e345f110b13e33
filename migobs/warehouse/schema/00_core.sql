-- Core tables of the warehouse: builds, source files, areas, names, findings.
-- Area codes are M49 integers; codes the M49 standard lacks (Kosovo, Channel Islands, the
-- migrant-stock files' "Other North"/"Other South", unknown origins) are listed in
-- areas.names.yml with the code the warehouse gives them and kind 'special' or 'residual'.

CREATE TABLE builds (
    build_id     VARCHAR PRIMARY KEY,   -- sha256 over the source files' checksums and the code version
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    version      VARCHAR NOT NULL,      -- migobs version that built it
    summary      JSON                   -- sources, editions, rows per table, findings per type
);

CREATE TABLE source_files (
    file_id      INTEGER PRIMARY KEY,
    source       VARCHAR NOT NULL,      -- catalogue name, e.g. undesa_stock
    edition      VARCHAR NOT NULL,      -- e.g. 2017
    file_key     VARCHAR NOT NULL,      -- e.g. totals
    name         VARCHAR NOT NULL,      -- the file's name as published
    url          VARCHAR NOT NULL,      -- official URL
    sha256       VARCHAR NOT NULL,
    bytes        BIGINT NOT NULL,
    licence      VARCHAR NOT NULL,
    citation     VARCHAR NOT NULL,
    obtained_from VARCHAR NOT NULL,     -- mirror, download or data directory path
    obtained_at  TIMESTAMP NOT NULL,    -- UTC: when its download finished (obtained.yml), else the file's mtime
    UNIQUE (source, edition, file_key)
);

CREATE TABLE areas (
    m49          INTEGER PRIMARY KEY,
    iso3         VARCHAR,               -- NULL for groupings and areas without one
    iso2         VARCHAR,
    name         VARCHAR NOT NULL,      -- the M49 English name
    kind         VARCHAR NOT NULL       -- country | world | region | subregion | intermediate_region
                                        -- | sdg_region | development_group | income_group
                                        -- | special_group | residual
);

CREATE TABLE area_groups (
    group_m49    INTEGER NOT NULL,      -- the grouping (areas.m49)
    member_m49   INTEGER NOT NULL,      -- a country or area in it (areas.m49)
    scheme       VARCHAR NOT NULL,      -- which classification says so: m49, sdg, development,
                                        -- income_wb, undesa_stock/2017 (its ANNEX), wpp/2019 (parent codes)
    PRIMARY KEY (group_m49, member_m49, scheme)
);

CREATE TABLE area_names (
    source       VARCHAR NOT NULL,      -- which source spells it this way
    name         VARCHAR,               -- the spelling in the file (NULL when only a code is used)
    code         VARCHAR,               -- the source's own code (ISO3, WB code, UNHCR code, M49 text)
    m49          INTEGER,               -- what it maps to; NULL = unmapped (also in findings)
    how          VARCHAR NOT NULL       -- code | name | names_table
);

CREATE TABLE findings (
    finding_id   INTEGER PRIMARY KEY,
    type         VARCHAR NOT NULL,      -- kebab-case, e.g. aggregate-mismatch, unmapped-area
    title        VARCHAR NOT NULL,
    message      VARCHAR NOT NULL,
    source       VARCHAR,
    edition      VARCHAR,
    observed     DOUBLE,
    expected     DOUBLE,
    rows         JSON                   -- the rows or cells involved
);
