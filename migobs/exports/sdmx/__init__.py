"""SDMX 2.1 for the exports and the SDMX REST API.

- :mod:`conventions`: the agency, the shared codelists that do not depend on the warehouse
  (FREQ, SEX, UNIT_MEASURE, UNIT_MULT, OBS_STATUS, SERIES) and the concept scheme.
- :mod:`areas`: CL_AREA, the areas as M49 codes, groupings M49 lacks marked as aggregates.
- :mod:`artefacts`: the dataflow and data structure definition of a table.
- :mod:`structure_xml` and :mod:`data_xml`: SDMX-ML 2.1 structure and structure-specific data.
- :mod:`csv`: SDMX-CSV 2.0 and 1.0.
"""
