-- Remittance matrices and prices, Missing Migrants incidents, UNHCR populations, boundaries.

CREATE TABLE bilateral_remittances (
    source       VARCHAR NOT NULL,      -- knomad
    edition      VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    sending      INTEGER NOT NULL,      -- areas.m49
    receiving    INTEGER NOT NULL,
    value        DOUBLE,                -- current US$ (the file states millions)
    file_id      INTEGER NOT NULL,
    sheet        VARCHAR,
    cell         VARCHAR NOT NULL
);

CREATE TABLE remittance_prices (
    source       VARCHAR NOT NULL,      -- rpw
    edition      VARCHAR NOT NULL,
    series_code  VARCHAR NOT NULL,      -- e.g. ATCR.CORR
    sending      INTEGER NOT NULL,
    receiving    INTEGER NOT NULL,
    period       VARCHAR NOT NULL,      -- e.g. 2017Q1
    year         INTEGER NOT NULL,
    quarter      INTEGER NOT NULL,
    value        DOUBLE,                -- percent of the amount sent
    file_id      INTEGER NOT NULL,
    sheet        VARCHAR,
    cell         VARCHAR NOT NULL
);

CREATE TABLE missing_migrants (
    source       VARCHAR NOT NULL,      -- iom_mmp
    edition      VARCHAR NOT NULL,      -- vintage, e.g. 2022
    incident_key VARCHAR NOT NULL,      -- the same incident in every vintage (see docs/sources-other.md)
    matched_by   VARCHAR,               -- incident-id | attributes: how it matched the next vintage
    main_id      VARCHAR,
    incident_id  VARCHAR,
    incident_type VARCHAR,
    region       VARCHAR,
    incident_date DATE,                -- the date when the cell holds an ISO date
    incident_date_text VARCHAR,        -- the cell as the file has it (e.g. '0')
    year         INTEGER,
    month        INTEGER,
    dead         DOUBLE,
    missing      DOUBLE,
    dead_and_missing DOUBLE,
    survivors    DOUBLE,
    females      DOUBLE,
    males        DOUBLE,
    children     DOUBLE,
    country_of_origin VARCHAR,
    region_of_origin VARCHAR,
    cause        VARCHAR,
    country_of_incident VARCHAR,
    incident_area INTEGER,              -- areas.m49 of the country of incident, when known
    route        VARCHAR,
    location     VARCHAR,
    latitude     DOUBLE,
    longitude    DOUBLE,
    unsd_grouping VARCHAR,
    information_source VARCHAR,
    url          VARCHAR,
    source_quality VARCHAR,
    file_id      INTEGER NOT NULL,
    sheet        VARCHAR,
    row_number   INTEGER NOT NULL       -- the row in the sheet (1-based, as Excel shows it)
);

CREATE TABLE refugees (
    source       VARCHAR NOT NULL,      -- unhcr
    edition      VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    origin       INTEGER NOT NULL,      -- areas.m49 (unknown origin mapped to its special code)
    asylum       INTEGER NOT NULL,
    refugees     DOUBLE,
    asylum_seekers DOUBLE,
    returned_refugees DOUBLE,
    idps         DOUBLE,
    returned_idps DOUBLE,
    stateless    DOUBLE,
    ooc          DOUBLE,
    oip          DOUBLE,
    hst          DOUBLE,
    file_id      INTEGER NOT NULL,
    row_number   INTEGER NOT NULL       -- the row of the table in the file (1-based)
);

CREATE TABLE boundaries (
    area         INTEGER NOT NULL,      -- areas.m49
    name         VARCHAR NOT NULL,
    geometry     JSON NOT NULL,         -- GeoJSON geometry
    adm0_a3      VARCHAR NOT NULL,      -- Natural Earth's own code of the feature
    file_id      INTEGER NOT NULL,
    feature      INTEGER NOT NULL       -- 0-based index of the feature in the file's `features`
);

CREATE TABLE missing_migrants_origins (
    source       VARCHAR NOT NULL,      -- iom_mmp
    edition      VARCHAR NOT NULL,      -- vintage with a Country of Origin column (2025)
    row_number   INTEGER NOT NULL,      -- missing_migrants.row_number of the incident row
    incident_key VARCHAR NOT NULL,      -- missing_migrants.incident_key
    position     INTEGER NOT NULL,      -- 1-based place of the name in the cell
    name         VARCHAR NOT NULL,      -- the name as the cell lists it
    origin       INTEGER,               -- areas.m49; NULL = unmapped (also in findings)
    file_id      INTEGER NOT NULL
);
