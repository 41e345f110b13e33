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

-- Flow ensembles (migobs/flows/ensemble*.py, `migobs flows ensemble`): each run's settings and
-- timings, and per corridor and period the point estimate, the 90% interval from the draws
-- (corrected for bias), their median and the range over the method ensemble. IF NOT EXISTS: a
-- warehouse built before these tables gets them when an ensemble is stored (create_missing).
CREATE TABLE IF NOT EXISTS flow_ensembles (
    ensemble_id  VARCHAR PRIMARY KEY,   -- ensemble/<edition>/wpp-<wpp>/draws-<N>/seed-<S>
    edition      VARCHAR NOT NULL,      -- undesa_stock edition
    demography   VARCHAR NOT NULL,      -- e.g. wpp/2019
    seed         BIGINT NOT NULL,
    draws        INTEGER NOT NULL,      -- draws asked for per period
    settings     JSON NOT NULL,         -- noise scales, method options, method ensemble, chunking
    periods      JSON NOT NULL,         -- per period: totals with interval, draws done, failed draws
    ran_on       VARCHAR NOT NULL,      -- this process | K local processes | the Dask cluster at ...
    seconds      DOUBLE NOT NULL,       -- wall-clock time of the ensemble
    finished_at  TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS flow_intervals (
    ensemble_id  VARCHAR NOT NULL,      -- flow_ensembles.ensemble_id
    run_id       VARCHAR NOT NULL,      -- the default method's run of the period (flow_runs.run_id)
    period       VARCHAR NOT NULL,      -- <year0>-<year1>
    orig         INTEGER NOT NULL,      -- areas.m49
    dest         INTEGER NOT NULL,      -- areas.m49
    flow         DOUBLE NOT NULL,       -- point estimate (persons)
    lower        DOUBLE NOT NULL,       -- 5th percentile, corrected for bias (docs/methods/flows.md)
    median       DOUBLE NOT NULL,       -- the draws' median (its gap to flow is their bias)
    upper        DOUBLE NOT NULL,       -- 95th percentile, corrected for bias
    method_min   DOUBLE NOT NULL,       -- smallest flow over the method ensemble
    method_max   DOUBLE NOT NULL,       -- largest flow over the method ensemble
    draws        INTEGER NOT NULL       -- draws that gave an estimate
);
