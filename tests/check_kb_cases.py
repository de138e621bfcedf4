#!/usr/bin/python3
"""Breaks the built-in knowledge base in a dozen ways and checks that 'knotplan kb check'
rejects each (exit 4) and names the place, and that it agrees with an independent JSON
Schema validator (python3-jsonschema) about data/schema/knowledge.schema.json: whatever
the schema rejects, kb check rejects; cross-references, which no schema can see, only
kb check rejects.

Usage: check_kb_cases.py KNOTPLAN_BINARY KNOWLEDGE_JSON KNOWLEDGE_SCHEMA
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema


def cases(kb):
    def edit(change):
        broken = copy.deepcopy(kb)
        change(broken)
        return json.dumps(broken, indent=1)

    def set_in(path, value):
        def change(doc):
            node = doc
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value
        return change

    def delete(path):
        def change(doc):
            node = doc
            for key in path[:-1]:
                node = node[key]
            del node[path[-1]]
        return change

    # (name, text, words kb check must print, whether the schema alone can see it)
    yield "empty file", "", "line 1:1", None
    yield "not JSON", "areas: neck\n", "JSON syntax error", None
    yield "truncated", json.dumps(kb)[:5000], "JSON syntax error", None
    yield "deep nesting", "[" * 100000, "nested deeper than", None
    yield "number overflow", json.dumps(kb).replace('"schema_version": 3', '"schema_version": 1e999', 1), "unreadable JSON", None
    yield "deep object nesting", '{"a":' * 100000 + "1" + "}" * 100000, "nested deeper than", None
    yield "not UTF-8", json.dumps(kb).replace("Shoulder rolls", "Shoulder \udcff rolls").encode("utf-8", "surrogateescape").decode("latin-1"), "JSON syntax error", None
    yield "wrong type", edit(set_in(["techniques", 0, "per_side"], "yes")), "/techniques/0/per_side", True
    yield "missing field", edit(delete(["rules", 0, "why"])), "/rules/0/why: is missing", True
    yield "negative seconds", edit(set_in(["techniques", 2, "seconds", "min"], -10)), "/techniques/2/seconds/min", True
    techniques = kb["techniques"]
    pressed = next(i for i, t in enumerate(techniques) if t.get("pressure"))
    yield "pressure above 10", edit(set_in(["techniques", pressed, "pressure", "max"], 11)), f"/techniques/{pressed}/pressure/max", True
    yield "unknown tag", edit(set_in(["techniques", 3, "tags"], ["magic"])), "unknown tag 'magic'", True
    yield "unknown key", edit(set_in(["rules", 1, "then", "exclued"], ["x"])), "unknown key 'exclued'", True
    yield "bad id", edit(set_in(["areas", 0, "id"], "Neck Area")), "/areas/0/id", True
    yield "min above max", edit(set_in(["techniques", 5, "seconds"], {"min": 90, "default": 60, "max": 30})), "min <= default <= max", False
    adding = next(i for i, r in enumerate(kb["rules"]) if r["then"].get("add"))
    yield "unknown technique in a rule", edit(set_in(["rules", adding, "then", "add", 0, "technique"], "nope")), "names unknown technique 'nope'", False
    yield "unknown area in a technique", edit(set_in(["techniques", 1, "areas"], ["elbow"])), "names unknown area 'elbow'", False
    yield "duplicate id", edit(lambda doc: doc["techniques"].append(copy.deepcopy(doc["techniques"][0]))), "is used twice", False
    # The session model: what the schema cannot see, kb check must.
    placed = next(i for i, t in enumerate(techniques) if t.get("placements"))
    first_other = next(iter(techniques[placed]["placements"]))
    yield "missing placement", edit(delete(["techniques", placed, "placements", first_other])), f"needs a placement for '{first_other}'", False
    whole = next(i for i, t in enumerate(techniques) if not t.get("per_side"))
    yield "side mark on a two-sided technique", edit(set_in(["techniques", whole, "instructions", 0], "Lift your {side} arm.")), "is not done per side", False
    yield "unknown mark", edit(set_in(["techniques", placed, "instructions", 0], "Lift your {sde} arm.")), "unknown mark", False
    held = next(i for i, t in enumerate(techniques) if "held" in t["tags"])
    yield "held point over the limit", edit(set_in(["techniques", held, "seconds", "max"], 150)), "over the limit of 120 s", False
    yield "last session with a condition", edit(set_in(["sessions", len(kb["sessions"]) - 1, "when"], {"stage": ["new"]})), "must have no condition", False
    yield "session with an unknown tag", edit(set_in(["sessions", 0, "extra_time"], ["naps"])), "unknown tag 'naps'", True
    aimed = next(i for i, r in enumerate(kb["rules"]) if any(a.get("target") == "chest" for a in r["then"].get("add", [])))
    yield "rule aimed out of scope", edit(set_in(["rules", aimed, "when", "area"], ["lower-back"])), "does not list as related", False
    yield "no limits", edit(delete(["limits"])), "/limits: is missing", True
    yield "unknown source", edit(set_in(["techniques", 0, "sources"], ["a-blog-post"])), "cites unknown source 'a-blog-post'", False
    yield "session that cannot fill its time", edit(set_in(["sessions", 0, "shares"], {"release": {"max": 50}})), "could never use the time", False
    yield "bad kind of source", edit(set_in(["sources", 0, "kind"], "rumour")), "is not a kind of source", True
    yield "stages out of order", edit(set_in(["stages", 2, "max_hours"], 10)), "must end later than", False
    # A technique's drawing: the schema and kb check know the same props, angles and points.
    yield "unknown prop", edit(set_in(["techniques", 0, "pose", "props"], [{"prop": "trampoline", "at": "upper-back"}])), "/techniques/0/pose/props/0/prop", True
    yield "angle out of range", edit(set_in(["techniques", 0, "pose", "angles"], {"trunk": 400})), "/techniques/0/pose/angles/trunk", True
    yield "unknown body point", edit(set_in(["techniques", 0, "pose", "target"], "elbow-pit")), "/techniques/0/pose/target", True


def main():
    binary, kb_path, schema_path = sys.argv[1:4]
    with open(kb_path) as handle:
        kb = json.load(handle)
    with open(schema_path) as handle:
        schema = json.load(handle)
    validator = jsonschema.validators.validator_for(schema)(schema)
    failures = []
    count = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, text, words, schema_sees_it in cases(kb):
            count += 1
            path = os.path.join(folder, "kb.json")
            with open(path, "w", encoding="latin-1" if name == "not UTF-8" else "utf-8") as handle:
                handle.write(text)
            planned = subprocess.run([binary, "--kb", path, "--area", "neck"], capture_output=True)
            if planned.returncode != 4 or planned.stdout or planned.stderr.count(b"\n") > 2:
                failures.append(f"{name}: planning exit {planned.returncode}, expected 4 and one error")
            result = subprocess.run([binary, "kb", "check", path], capture_output=True, text=True,
                                    errors="replace")
            if result.returncode != 4:
                failures.append(f"{name}: kb check exit {result.returncode}, expected 4")
            if words not in result.stdout:
                failures.append(f"{name}: kb check did not say {words!r}:\n{result.stdout}")
            if name == "not UTF-8":
                continue
            if schema_sees_it is not None:
                schema_rejects = any(True for _ in validator.iter_errors(json.loads(text)))
                if schema_rejects != schema_sees_it:
                    failures.append(f"{name}: the schema {'accepts' if schema_sees_it else 'rejects'} it")
        # A 200 MB file is refused while reading, without reading it all.
        count += 1
        big = os.path.join(folder, "big.json")
        with open(big, "wb") as handle:
            handle.truncate(200 * 1024 * 1024)
        result = subprocess.run([binary, "kb", "check", big], capture_output=True, text=True)
        if result.returncode != 4 or "larger than the limit" not in result.stdout:
            failures.append(f"200 MB file: kb check exit {result.returncode}: {result.stdout[:200]}")

        # Terminal control sequences and markup in a valid knowledge base reach no terminal raw.
        count += 1
        hostile = copy.deepcopy(kb)
        for technique in hostile["techniques"]:
            technique["name"] = "\x1b]0;owned\x07\x1b[2J" + technique["name"] + "\u009b31m<b>"
            technique["instructions"] = ["\x1b[31m" + line for line in technique["instructions"]]
        hostile["disclaimer"] = "\x07\x1b[5m" + hostile["disclaimer"]
        path = os.path.join(folder, "hostile.json")
        with open(path, "w") as handle:
            json.dump(hostile, handle)
        for fmt in ("text", "markdown", "html"):
            result = subprocess.run([binary, "--kb", path, "--area", "upper-back", "--format", fmt,
                                     "--equipment", "tennis-ball"], capture_output=True)
            raw = [c for c in (b"\x1b", b"\x07", "\u009b".encode()) if c in result.stdout]
            if result.returncode != 0 or raw:
                failures.append(f"hostile text, {fmt}: exit {result.returncode}, raw {raw}")
        result = subprocess.run([binary, "--kb", path, "show", "ball-against-wall", "--format", "svg"],
                                capture_output=True)
        if b"\x1b" in result.stdout or b"<b>" in result.stdout:
            failures.append("hostile text reaches the drawing raw")
        result = subprocess.run([binary, "--kb", path, "show", "ball-against-wall"], capture_output=True)
        if b"\x1b" in result.stdout:
            failures.append("hostile text reaches the terminal through 'show'")

    if any(True for _ in validator.iter_errors(kb)):
        failures.append("the schema rejects the built-in knowledge base")
    for line in failures:
        print(line)
    print(f"{count} broken knowledge bases, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
