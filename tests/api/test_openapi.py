"""Schemathesis against the running app with all its checks: no 5xx, every response as the OpenAPI
document says (status, content type, headers, body), valid requests accepted, malformed ones
refused, and every method the document does not list for a path answered 405 with ``Allow``
(``OPTIONS`` listing exactly the documented methods).

The one run of schemathesis: on the warehouse built from the official files when they are there
(always under CI=true), else on the small warehouse. Two of schemathesis's phases per operation:
coverage (every parameter's examples and boundaries, missing and malformed values, and the
methods the path lacks) and fuzzing, :data:`EXAMPLES` cases per mode (positive, negative).

Measured on the shared 2-core machine (load average 8 to 11), 74 operations: small warehouse,
coverage 3,667 requests in 98 s, with fuzzing at 20 cases per mode 170 s; the warehouse built
from the official files with the 2017 flows, fuzzing at 10 cases per mode, 385 s (the test
before the coverage phase: 43 operations, 30 cases per mode, 58-75 s on the small warehouse).
"""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import jsonschema
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import positive_data_acceptance
from schemathesis.generation import GenerationMode

EXAMPLES = 10
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]


def validate(case: Any, response: Any) -> None:
    """Every check of schemathesis on ``response``; positive_data_acceptance is left out only
    for a refusal the document cannot state (:func:`refused_beyond_the_schema`)."""
    if refused_beyond_the_schema(response):
        case.validate_response(response, excluded_checks=[positive_data_acceptance])
    else:
        case.validate_response(response)


def refused_beyond_the_schema(response: Any) -> bool:
    """Whether ``response`` refuses, rightly, a request the document cannot tell from a good one.

    - 400 ``ambiguous-area``: an area name the schema allows ("if") that fits several areas,
      with the candidates listed.
    - SDMX 400 naming the dataflow's dimensions: a key with another number of parts than the
      dataflow has dimensions, or a ``dimensionAtObservation`` that is none of them; both
      depend on the dataflow another parameter names (the SDMX web services specification
      asks for 400 here).
    """
    if response.status_code != 400:
        return False
    if response.headers.get("content-type", [""])[0].startswith("application/json"):
        error = response.json()["error"]
        return error["type"] == "ambiguous-area" and len(error["accepted"]) >= 2
    text = response.text
    dimensions = "dimensions:" in text or "AllDimensions or one of" in text
    return "/sdmx/2.1/data/" in response.request.url and dimensions


def check_coverage(schema: Any, operation: Any, base_url: str) -> list[str]:
    """The coverage phase of one operation: every case sent and checked; the failures."""
    generation = schema.config.generation_for(operation=operation)
    failures = []
    for case in schema.iter_coverage_cases(
        operation, generation_modes=MODES, generation_config=generation
    ):
        response = case.call(base_url=base_url)
        try:
            validate(case, response)
        except (AssertionError, BaseExceptionGroup) as error:
            failures.append(f"{case.method} {response.request.url}: {error}")
    return failures


def check_operation(operation: Any, base_url: str, mode: GenerationMode) -> None:
    """Run a few generated cases of one operation; raise on a 5xx or a schema mismatch.

    Negative cases (malformed parameters) must be refused with a 4xx; an operation whose
    parameters cannot be malformed (any string is valid) has no negative cases.
    """

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case: Any) -> None:
        validate(case, case.call(base_url=base_url))

    try:
        run()
    except Unsatisfiable:
        if mode is GenerationMode.POSITIVE:
            raise


def test_api_conforms_to_its_schema(api_server: str) -> None:
    schema = schemathesis.openapi.from_url(f"{api_server}/openapi.json")
    failures = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 70
    assert {"/api/flows", "/api/flows/runs", "/api/flows/corridors/{origin}/{destination}"} <= {
        operation.path for operation in operations
    }
    for operation in operations:
        failures += [
            f"{operation.label} (coverage): {f}"
            for f in check_coverage(schema, operation, api_server)
        ]
        for mode in MODES:
            try:
                check_operation(operation, api_server, mode)
            except Exception as error:  # collected so that every operation is tried
                failures.append(f"{operation.label} ({mode.value}): {error}")
    assert not failures, "\n\n".join(failures)


def test_openapi_document_lists_every_resource(client: httpx.Client) -> None:
    document = client.get("/openapi.json").json()
    assert document["openapi"].startswith("3.")
    paths = set(document["paths"])
    assert {
        "/api/areas",
        "/api/areas/{m49}",
        "/api/sources",
        "/api/sources/{source}/editions/{edition}",
        "/api/stock",
        "/api/stock/corridors/{origin}/{destination}",
        "/api/revisions",
        "/api/provenance/stock",
        "/api/flows",
        "/api/flows/runs",
        "/api/flows/corridors/{origin}/{destination}",
    } <= paths
    assert not any(p.startswith(("/world", "/static")) for p in paths)


BINARY = {"type": "string", "format": "binary"}


def test_each_response_is_typed_as_what_it_answers(client: httpx.Client) -> None:
    """JSON as its model, CSV as text/csv strings, zips as binary: never two kinds in one
    response, where a generated client would parse the CSV or the zip as JSON."""
    document = client.get("/openapi.json").json()
    operations = {
        op["operationId"]: (path, op)
        for path, ops in document["paths"].items()
        for op in ops.values()
    }
    kinds: dict[str, str] = {}
    for operation_id, (path, operation) in operations.items():
        answers = {
            status: response.get("content", {})
            for status, response in operation["responses"].items()
            if status.startswith("2")
        }
        for content in answers.values():
            if path.startswith("/sdmx/"):
                continue  # SDMX-ML or SDMX-CSV by Accept, as the SDMX web services specify
            assert len(content) <= 1, f"{operation_id} answers {sorted(content)} in one response"
            for media, body in content.items():
                kinds[operation_id] = media
                if media == "application/json":
                    assert body["schema"], operation_id
                elif media in ("text/csv", "text/markdown"):
                    assert body["schema"] == {"type": "string"}, operation_id
                else:
                    assert media in ("application/zip", "application/pdf"), operation_id
                    assert body["schema"] == BINARY, operation_id
    lists = [o for o, (path, _) in operations.items() if f"{o}_csv" in operations]
    assert len(lists) == 19
    for operation_id in lists:
        path, _ = operations[operation_id]
        assert operations[f"{operation_id}_csv"][0] == f"{path}.csv"
        assert (kinds[operation_id], kinds[f"{operation_id}_csv"]) == (
            "application/json",
            "text/csv",
        )
    assert kinds["get_export"] == kinds["get_indicator_export"] == "application/zip"
    assert kinds["export_csv"] == "text/csv"
    assert kinds["report_markdown"] == "text/markdown"


def test_a_list_answers_csv_on_its_csv_path(client: httpx.Client) -> None:
    as_json = client.get("/api/stock/destinations/840", params={"edition": "2019"}).json()
    as_csv = client.get("/api/stock/destinations/840.csv", params={"edition": "2019"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert [float(r["value"]) for r in rows] == [item["value"] for item in as_json["data"]]
    assert int(as_csv.headers["x-total-count"]) == as_json["count"] > 0
    # format=csv and Accept: text/csv still answer CSV on the JSON path
    assert client.get("/api/stock/destinations/840", params={"format": "csv"}).text == as_csv.text


def operations_of(document: dict[str, Any]) -> dict[str, tuple[str, dict[str, Any]]]:
    """Every operation of the document by its id, with its path."""
    return {
        operation["operationId"]: (path, operation)
        for path, operations in document["paths"].items()
        for operation in operations.values()
    }


def examples_of(operation: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    """Each example an operation shows (parameters, request body, responses) with its schema."""
    found = [(p["example"], p["schema"]) for p in operation.get("parameters", []) if "example" in p]
    bodies = list(operation.get("requestBody", {}).get("content", {}).values())
    answers = [m for r in operation["responses"].values() for m in r.get("content", {}).values()]
    return found + [(m["example"], m.get("schema", {})) for m in bodies + answers if "example" in m]


def test_every_operation_has_a_valid_example(client: httpx.Client) -> None:
    document = client.get("/openapi.json").json()
    operations = operations_of(document)
    assert len(operations) > 70
    without = [name for name, (_, operation) in operations.items() if not examples_of(operation)]
    assert not without, f"operations without an example: {without}"
    for name, (_, operation) in operations.items():
        for example, schema in examples_of(operation):
            # the document's components resolve the schema's $refs
            rooted = {**schema, "components": document["components"]}
            invalid = list(jsonschema.Draft202012Validator(rooted).iter_errors(example))
            assert not invalid, f"{name}: example {example!r}: {invalid[0].message}"


def test_examples_tell_one_story(client: httpx.Client) -> None:
    """Mexico (484) and the United States (840) in every operation with an area."""
    document = client.get("/openapi.json").json()
    areas = {"area": 484, "m49": 484, "origin": 484, "destination": 840, "counterpart": 840}
    seen = 0
    for _, operation in operations_of(document).values():
        for parameter in operation.get("parameters", []):
            if parameter["name"] in areas:
                assert int(parameter["example"]) == areas[parameter["name"]]
                seen += 1
    assert seen > 20
    corridor = document["paths"]["/api/stock/corridors/{origin}/{destination}"]["get"]
    values = {p["name"]: p["example"] for p in corridor["parameters"]}
    answer = client.get(
        f"/api/stock/corridors/{values['origin']}/{values['destination']}",
        params={"edition": values["edition"], "year": values["year"], "sex": values["sex"]},
    ).json()
    assert [row["value"] for row in answer["data"]] == [11_489_684]
