-- Flow estimates (migobs/flows/estimate.py): bilateral flows between two stock years of an
-- edition, named migobs_flows/<stock edition>/<method>, one row per corridor with a flow.

CREATE TABLE flow_runs (
    run_id       VARCHAR PRIMARY KEY,   -- <method>/<edition>/<sex>/<year0>-<year1>/wpp-<wpp>/<opt=value,...>
    method       VARCHAR NOT NULL,      -- demographic-accounting
    options      JSON NOT NULL,         -- the method's options
    edition      VARCHAR NOT NULL,      -- undesa_stock edition of the stock tables
    demography   VARCHAR NOT NULL,      -- e.g. wpp/2019 (births by the balancing equation)
    sex          VARCHAR NOT NULL,      -- total | male | female
    year0        INTEGER NOT NULL,
    year1        INTEGER NOT NULL,
    countries    INTEGER NOT NULL,
    total_flow   DOUBLE NOT NULL,       -- persons moving between countries in the period
    world_pop    DOUBLE NOT NULL,       -- world population at year0 (WPP)
    diagnostics  JSON NOT NULL,         -- convergence, worst margin, negatives, excess births, global balance
    converged    BOOLEAN NOT NULL,      -- every fit stopped and met its margins (= diagnostics.converged)
    margins_met  BOOLEAN NOT NULL       -- every fit met its margins (= diagnostics.margins_met)
);

CREATE TABLE flows (
    run_id       VARCHAR NOT NULL,      -- flow_runs.run_id
    orig         INTEGER NOT NULL,      -- areas.m49
    dest         INTEGER NOT NULL,      -- areas.m49
    flow         DOUBLE NOT NULL        -- persons
);
