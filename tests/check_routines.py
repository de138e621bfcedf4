#!/usr/bin/python3
"""Runs knotplan over a matrix of requests and checks each JSON routine against
data/schema/routine.schema.json with an independent validator (python3-jsonschema),
plus the contract rules a schema cannot express: the budget, the timeline, equipment,
pressure, the disclaimer, the warning lines, withheld answers and determinism.

Usage: check_routines.py KNOTPLAN_BINARY ROUTINE_SCHEMA
"""
import itertools
import json
import subprocess
import sys

import jsonschema

AREAS = ["neck", "shoulders", "upper-back", "between-shoulder-blades", "lower-back"]
SINCE = ["today", "36h", "2w", "4mo", "2026-01-01"]
CAUSES = ["posture", "stress", "strain", "overuse", "sleep", "injury", "inactivity",
          "dehydration", "unknown"]
KITS = [[], ["tennis-ball"], ["foam-roller", "hot-pack"],
        ["lacrosse-ball", "cold-pack", "resistance-band", "massage-cane", "muscle-rub"]]
BUDGETS = [3, 5, 10, 20, 60]
ALWAYS_THERE = {"hands", "wall", "doorway", "towel", "floor", "chair"}
SUBSTITUTES = {"lacrosse-ball": {"tennis-ball"}, "tennis-ball": {"lacrosse-ball"}}


def run(binary, args):
    result = subprocess.run([binary, *args, "--format", "json"], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"})
    return result.returncode, result.stdout, result.stderr


def check_routine(doc, kit, minutes, failures, label):
    def fail(message):
        failures.append(f"{label}: {message}")

    if doc["total_seconds"] > minutes * 60:
        fail(f"total {doc['total_seconds']} s is over {minutes} min")
    clock = 0
    for step in doc["steps"]:
        if step["start_seconds"] != clock:
            fail(f"step {step['index']} starts at {step['start_seconds']}, expected {clock}")
        clock += step["seconds"]
        for item in step["equipment"]:
            if item not in ALWAYS_THERE and item not in kit:
                fail(f"step {step['index']} uses {item}, which the person lacks")
        if step["pressure"] and step["pressure"]["max"] > 7:
            fail(f"step {step['index']} asks for pressure {step['pressure']['max']}")
        if step["hold_seconds"] is not None and step["hold_seconds"] * step["reps"] != step["seconds"]:
            fail(f"step {step['index']} hold x reps != seconds")
        if not step["because"]:
            fail(f"step {step['index']} has no reason")
    if clock != doc["total_seconds"]:
        fail("total_seconds is not the end of the last step")
    if 5 <= minutes <= 20 and doc["total_seconds"] < minutes * 60 * 0.8:
        fail(f"uses only {doc['total_seconds']} s of {minutes * 60}")
    if "self-care guidance, not a diagnosis" not in (doc["disclaimer"] or ""):
        fail("the disclaimer is missing")
    if not 1 <= len(doc["watch_for"]) <= 5:
        fail(f"{len(doc['watch_for'])} warning lines open the routine; 1 to 5 are read")


def main():
    binary, schema_path = sys.argv[1], sys.argv[2]
    with open(schema_path) as handle:
        schema = json.load(handle)
    validator = jsonschema.validators.validator_for(schema)(schema)
    failures = []
    runs = 0

    def validate(out, label):
        doc = json.loads(out)
        for error in validator.iter_errors(doc):
            failures.append(f"{label}: schema: {error.json_path}: {error.message}")
        return doc

    matrix = itertools.product(AREAS, SINCE, CAUSES)
    for number, (area, since, cause) in enumerate(matrix):
        kit = KITS[number % len(KITS)]
        minutes = BUDGETS[number % len(BUDGETS)]
        args = ["--area", area, "--since", since, "--cause", cause, "--minutes", str(minutes)]
        if kit:
            args += ["--equipment", ",".join(kit)]
        label = " ".join(args)
        code, out, err = run(binary, args)
        runs += 1
        if code != 0:
            failures.append(f"{label}: exit {code}: {err.strip()}")
            continue
        check_routine(validate(out, label), kit, minutes, failures, label)

    for area, budget in itertools.product(AREAS, range(3, 61)):
        args = ["--area", area, "--minutes", str(budget), "--equipment", "tennis-ball,foam-roller"]
        code, out, err = run(binary, args)
        runs += 1
        if code != 0:
            failures.append(f"{' '.join(args)}: exit {code}")
            continue
        check_routine(validate(out, " ".join(args)), ["tennis-ball", "foam-roller"], budget,
                      failures, " ".join(args))

    for extra in (["--symptom", "chest-pain"], ["--symptom", "fever,night-pain"], ["--pain", "8"],
                  ["--pain", "10", "--symptom", "both-legs"]):
        args = ["--area", "upper-back", *extra]
        code, out, _ = run(binary, args)
        runs += 1
        doc = validate(out, " ".join(args))
        if code != 3 or doc["status"] != "withheld" or doc["steps"]:
            failures.append(f"{' '.join(args)}: expected a withheld routine, exit 3 (got {code})")
        if doc["watch_for"] or doc["advice"] or doc["cautions"] or doc["disclaimer"]:
            failures.append(f"{' '.join(args)}: a withheld answer says more than what to do now")

    for condition in ["anticoagulants", "pregnancy", "osteoporosis", "diabetes", "neuropathy",
                      "raynauds", "heart-condition", "cancer-history"]:
        args = ["--area", "between-shoulder-blades", "--condition", condition, "--age", "70",
                "--equipment", "tennis-ball,hot-pack,cold-pack", "--explain"]
        code, out, _ = run(binary, args)
        runs += 1
        check_routine(validate(out, " ".join(args)), ["tennis-ball", "hot-pack", "cold-pack"], 10,
                      failures, " ".join(args))

    for areas in ("neck,shoulders", "upper-back,lower-back", "lower-back,neck,between-shoulder-blades"):
        for since in ("today", "3w"):
            args = ["--area", areas, "--since", since, "--minutes", "20", "--explain",
                    "--equipment", "tennis-ball"]
            code, out, _ = run(binary, args)
            runs += 1
            doc = validate(out, " ".join(args))
            check_routine(doc, ["tennis-ball"], 20, failures, " ".join(args))
            if doc["request"]["areas"] != areas.split(","):
                failures.append(f"{' '.join(args)}: areas {doc['request']['areas']}")

    sample = ["--area", "neck", "--since", "3d", "--cause", "sleep", "--equipment", "hot-pack"]
    if run(binary, sample)[1] != run(binary, sample)[1]:
        failures.append("the same request gave different output")

    for line in failures[:40]:
        print(line)
    failed_runs = len({line.split(": ")[0] for line in failures})
    print(f"{runs} routines checked, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
