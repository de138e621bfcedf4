#!/usr/bin/python3
"""Checks every kind of JSON knotplan prints against its schema in data/schema/ with two
independent validators, ajv in strict mode and python3-jsonschema, and checks that both
reject the same deliberately bad documents (and accept the same awkward good ones), so
that the schemas mean the same to both.

The outputs: every 'list' kind, 'sources', 'show' for every technique, 'kb check' on
valid and invalid files, 'kb export', 'config show' with and without settings, and
routines for a sample of check_routines.py's requests, withheld ones included; and, given
HISTORY_SAMPLES (tests/write_history_samples), the history JSON of each of its fixtures.

Usage: check_schemas.py KNOTPLAN_BINARY SCHEMA_DIR KNOWLEDGE_JSON [HISTORY_SAMPLES]
Exits 77 (skipped) when ajv or python3-jsonschema is missing.
"""
import copy
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
BASE = "https://knotplan.invalid/schema/"
DRAFT = "https://json-schema.org/draft/2020-12/schema"
AJV = ["--spec=draft2020", "--strict=true"]

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema not installed "
          "(apt-get install python3-jsonschema, or scripts/bootstrap --with-test-tools)")
    sys.exit(SKIP)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_routines import AREAS, BUDGETS, CAUSES, KITS, SINCE  # noqa: E402


def run(binary, args, env=None, codes=(0,)):
    """knotplan's standard output for `args`; fails unless the exit status is in `codes`."""
    result = subprocess.run([binary, *args], capture_output=True, text=True,
                            env=env or {"PATH": "/usr/bin:/bin"})
    if result.returncode not in codes:
        raise RuntimeError(f"knotplan {' '.join(args)}: exit {result.returncode}: "
                           f"{result.stderr.strip()}")
    return result.stdout


def listing_kinds(binary):
    """The kinds 'knotplan list --help' offers: "WHAT  areas, causes, ...", maybe wrapped."""
    found = re.search(r"WHAT\s+(.*?)\n\n", run(binary, ["list", "--help"]), re.S)
    return re.split(r"[,\s]+", found.group(1).strip())


def history_outputs(samples, folder):
    """(name, schema reference, JSON text) for the history of each fixture, as
    write_history_samples renders it."""
    written = os.path.join(folder, "history")
    os.makedirs(written)
    subprocess.run([samples, written], check=True)
    for path in sorted(glob.glob(os.path.join(written, "*.json"))):
        with open(path) as handle:
            yield os.path.basename(path), "history.schema.json", handle.read()


def outputs(binary, kb_path, folder):
    """(name, schema reference, JSON text) for each real output."""
    json_out = ["--format", "json"]
    for kind in listing_kinds(binary):
        yield (f"list {kind}", f"listing.schema.json#/$defs/{kind}",
               run(binary, ["list", kind, *json_out]))
    yield "sources", "listing.schema.json#/$defs/sources", run(binary, ["sources", *json_out])
    techniques = json.loads(run(binary, ["list", "techniques", *json_out]))
    for technique in techniques:
        yield (f"show {technique['id']}", "technique.schema.json",
               run(binary, ["show", technique["id"], *json_out]))
    yield "kb export", "knowledge.schema.json", run(binary, ["kb", "export"])

    # kb check: valid, valid with a warning, and invalid in several ways.
    with open(kb_path) as handle:
        kb = json.load(handle)
    warned = copy.deepcopy(kb)
    warned["equipment"].append({"id": "spare-ball", "name": "spare ball"})
    broken = copy.deepcopy(kb)
    broken["techniques"][0]["per_side"] = "yes"
    broken["rules"][0]["then"]["add"] = [{"technique": "made-up"}]
    del broken["limits"]
    files = {"kb-valid.json": json.dumps(kb), "kb-warned.json": json.dumps(warned),
             "kb-broken.json": json.dumps(broken), "kb-empty.json": "",
             "kb-truncated.json": json.dumps(kb)[:3000]}
    for name, text in files.items():
        path = os.path.join(folder, name)
        with open(path, "w") as handle:
            handle.write(text)
        yield (f"kb check {name}", "kb-check.schema.json",
               run(binary, ["kb", "check", path, *json_out], codes=(0, 4)))

    # config show: nothing set; a config file; the environment; the command line.
    home = os.path.join(folder, "home")
    os.makedirs(os.path.join(home, "knotplan"), exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "XDG_CONFIG_HOME": home}
    show = ["config", "show", *json_out]
    yield "config show, nothing set", "config.schema.json", run(binary, show, env)
    with open(os.path.join(home, "knotplan", "config.json"), "w") as handle:
        json.dump({"area": ["neck", "shoulders"], "equipment": "tennis-ball,foam-roller",
                   "minutes": 8, "side": "left", "age": 70, "conditions": ["diabetes"],
                   "format": "text", "color": "never"}, handle)
    yield "config show, config file", "config.schema.json", run(binary, show, env)
    yield ("config show, environment", "config.schema.json",
           run(binary, show,
               {**env, "KNOTPLAN_MINUTES": "6", "KNOTPLAN_EQUIPMENT": "none",
                "KNOTPLAN_KB": os.path.join(folder, "kb-valid.json")}))
    yield ("config show, command line", "config.schema.json",
           run(binary, [*show, "--minutes", "5", "--age", "40", "--area",
                        "neck, upper-back", "--side", "Right", "--kb",
                        os.path.join(folder, "kb-valid.json")], env))

    # Routines: a sample of check_routines.py's matrix, then withheld and explained ones.
    for number, area in enumerate(AREAS):
        args = ["--area", area, "--since", SINCE[number % len(SINCE)], "--cause",
                CAUSES[number % len(CAUSES)], "--minutes", str(BUDGETS[number % len(BUDGETS)])]
        kit = KITS[number % len(KITS)]
        if kit:
            args += ["--equipment", ",".join(kit)]
        yield " ".join(args), "routine.schema.json", run(binary, [*args, *json_out])
    for args in (["--area", "upper-back", "--symptom", "chest-pain"],
                 ["--area", "upper-back", "--pain", "10", "--symptom", "both-legs"],
                 ["--area", "upper-back", "--pain", "8"],
                 ["--area", "upper-back", "--condition", "pregnancy", "--age", "30", "--explain"],
                 ["--area", "neck,shoulders,lower-back", "--explain", "--minutes", "30"]):
        yield " ".join(args), "routine.schema.json", run(binary, [*args, *json_out], codes=(0, 3))


DELETE = object()  # as a new value: take the field out


def edited(doc, path, value):
    """A copy of `doc` with the value at `path` (keys and indexes) replaced or deleted."""
    doc = copy.deepcopy(doc)
    node = doc
    for key in path[:-1]:
        node = node[key]
    if value is DELETE:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return doc


def awkward_documents(real):
    """(name, schema reference, document, whether it is valid): edits of real outputs where
    draft-07 let the two validators part (keywords beside $ref), likely mistakes, and the
    format config show had before schema_version 1."""
    routine = next(doc for doc in real.values()
                   if isinstance(doc, dict) and doc.get("status") == "ok" and "steps" in doc)
    withheld = real["--area upper-back --symptom chest-pain"]
    kb = real["kb export"]
    placed = next(i for i, t in enumerate(kb["techniques"]) if t.get("placements"))
    placement = ["techniques", placed, "placements",
                 next(iter(kb["techniques"][placed]["placements"]))]
    held = next(i for i, t in enumerate(kb["techniques"]) if "reps" in t)
    show = real["show chin-tuck"]
    areas = real["list areas"]
    config = real["config show, config file"]
    invalid = real["kb check kb-broken.json"]
    valid = real["kb check kb-warned.json"]
    routine_schema, kb_schema, show_schema = ("routine.schema.json", "knowledge.schema.json",
                                              "technique.schema.json")
    check_schema, config_schema = "kb-check.schema.json", "config.schema.json"
    areas_schema = "listing.schema.json#/$defs/areas"
    # (what, schema, document, path to edit, new value, whether it is still valid)
    cases = [
        ("routine: empty instructions", routine_schema, routine, ["steps", 0, "instructions"], [], False),
        ("routine: a step with no reason", routine_schema, routine, ["steps", 0, "because"], [], False),
        ("routine: an empty caution", routine_schema, routine, ["steps", 0, "cautions"], [""], False),
        ("routine: no cautions", routine_schema, routine, ["steps", 0, "cautions"], [], True),
        ("routine: no status", routine_schema, routine, ["status"], DELETE, False),
        ("routine: total_seconds as text", routine_schema, routine, ["total_seconds"], "600", False),
        ("routine: withheld with steps", routine_schema, withheld, ["steps"], routine["steps"], False),
        ("knowledge: empty instructions", kb_schema, kb, ["techniques", 0, "instructions"], [], False),
        ("knowledge: empty placement", kb_schema, kb, [*placement, "instructions"], [], False),
        ("knowledge: hold_seconds without reps", kb_schema, kb, ["techniques", held, "reps"], DELETE, False),
        ("knowledge: per_side as text", kb_schema, kb, ["techniques", 0, "per_side"], "yes", False),
        ("knowledge: no disclaimer", kb_schema, kb, ["disclaimer"], DELETE, False),
        ("show: no cues", show_schema, show, ["cues"], DELETE, False),
        ("show: no cautions", show_schema, show, ["cautions"], [], True),
        ("show: empty instructions", show_schema, show, ["instructions"], [], False),
        ("list areas: no muscles", areas_schema, areas, [0, "muscles"], DELETE, False),
        ("kb check: invalid with no problems", check_schema, invalid, ["problems"], [], False),
        ("kb check: valid with a problem", check_schema, valid, ["problems"], invalid["problems"], False),
        ("kb check: a problem nowhere", check_schema, invalid, ["problems", 0, "where"], "somewhere", False),
        ("kb check: no schema_version", check_schema, invalid, ["schema_version"], DELETE, False),
        ("config show: minutes as text", config_schema, config, ["settings", "minutes", "value"], "8", False),
        ("config show: equipment joined", config_schema, config, ["settings", "equipment", "value"], "a,b", False),
        ("config show: age 0", config_schema, config, ["settings", "age", "value"], 0, False),
        ("config show: from nowhere", config_schema, config, ["settings", "side", "from"], "nowhere", False),
        ("config show: no age", config_schema, config, ["settings", "age", "value"], None, True),
    ]
    for name, reference, document, path, value, still_valid in cases:
        yield name, reference, edited(document, path, value), still_valid
    yield "list areas: none", areas_schema, [], False
    yield "list areas read as list causes", "listing.schema.json#/$defs/causes", areas, False
    if "history-week.json" in real:
        yield from awkward_histories(real["history-week.json"])


def awkward_histories(history):
    """Edits of a week's history JSON: likely mistakes, and scores that may be absent."""
    schema = "history.schema.json"
    cases = [
        ("history: pain 11", ["sessions", 0, "pain_before"], 11, False),
        ("history: pain as text", ["sessions", 0, "pain_after"], "5", False),
        ("history: pain skipped", ["sessions", 0, "pain_after"], None, True),
        ("history: a source of its own", ["sessions", 0, "source"], "phone", False),
        ("history: no areas", ["sessions", 0, "areas"], [], False),
        ("history: a date in words", ["sessions", 0, "date"], "15 Nov 2026", False),
        ("history: no request", ["sessions", 0, "request"], DELETE, False),
        ("history: request as text", ["sessions", 0, "request"], "{}", False),
        ("history: a rating of 5", ["sessions", 0, "ratings", 0, "rating"], 5, False),
        ("history: an average of 5.5", ["areas", 1, "days", 0, "pain_before"], 5.5, True),
        ("history: an average of 10.5", ["areas", 1, "days", 0, "pain_before"], 10.5, False),
        ("history: a day without sessions", ["areas", 1, "days", 3, "sessions"], 0, False),
        ("history: no schema_version", ["schema_version"], DELETE, False),
    ]
    for name, path, value, still_valid in cases:
        yield name, schema, edited(history, path, value), still_valid


class Validators:
    """Both validators, for a schema reference such as "listing.schema.json#/$defs/areas"."""

    def __init__(self, ajv, schema_dir, folder):
        self.ajv = ajv
        self.folder = folder
        self.paths = sorted(glob.glob(os.path.join(schema_dir, "*.schema.json")))
        self.store = {}
        for path in self.paths:
            with open(path) as handle:
                schema = json.load(handle)
            self.store[schema["$id"]] = schema

    def compile_problems(self):
        """What either validator finds wrong in the schemas themselves. ajv compiles them in
        one run, each after the ones it refers to."""
        problems = []
        ordered = []
        while len(ordered) < len(self.paths):
            known = {os.path.basename(path) for path in ordered}
            ready = [path for path in self.paths
                     if path not in ordered and self.files_referred_to(path) <= known]
            # A reference to a missing file: ajv will say so.
            ordered += ready or [path for path in self.paths if path not in ordered]
        sources = [arg for path in ordered for arg in ("-s", path)]
        result = subprocess.run([self.ajv, "compile", *AJV, *sources], capture_output=True,
                                text=True)
        if result.returncode != 0:
            said = (result.stdout + result.stderr).splitlines()
            problems += ["ajv: " + line for line in said if not line.endswith(" is valid")]
        for path in self.paths:
            with open(path) as handle:
                schema = json.load(handle)
            try:
                jsonschema.validators.validator_for(schema).check_schema(schema)
            except jsonschema.SchemaError as error:
                problems.append(f"python-jsonschema refuses {os.path.basename(path)}: "
                                f"{error.message}")
        return problems

    def files_referred_to(self, path):
        """The other schema files `path` refers to with $ref."""
        with open(path) as handle:
            found = re.findall(r'"\$ref": "([^"#]+)', handle.read())
        return set(found)

    def judge(self, items):
        """{name: (python-jsonschema's errors, ajv's errors)} for (name, reference, document)
        items, with one ajv run per schema reference; no errors means valid."""
        by_reference = {}
        for name, reference, document in items:
            by_reference.setdefault(reference, []).append((name, document))
        judged = {}
        for reference, named in by_reference.items():
            documents = [document for _, document in named]
            verdicts = zip(self.python_verdicts(reference, documents),
                           self.ajv_verdicts(reference, documents))
            for (name, _), verdict in zip(named, verdicts):
                judged[name] = verdict
        return judged

    def python_verdicts(self, reference, documents):
        wrapper = {"$schema": DRAFT, "$ref": BASE + reference}
        resolver = jsonschema.RefResolver.from_schema(wrapper, store=self.store)
        validator = jsonschema.validators.validator_for(wrapper)(wrapper, resolver=resolver)
        verdicts = []
        for document in documents:
            errors = validator.iter_errors(document)
            verdicts.append([f"{error.json_path}: {error.message}" for error in errors][:3])
        return verdicts

    def ajv_verdicts(self, reference, documents):
        """ajv's errors for each document ([] when valid), in one run for all of them."""
        folder = tempfile.mkdtemp(dir=self.folder)
        wrapper = os.path.join(folder, "wrapper.json")
        with open(wrapper, "w") as handle:
            json.dump({"$schema": DRAFT, "$id": BASE + "check/" + os.path.basename(folder),
                       "$ref": BASE + reference}, handle)
        paths = []
        for number, document in enumerate(documents):
            paths.append(os.path.join(folder, f"{number}.json"))
            with open(paths[-1], "w") as handle:
                json.dump(document, handle)
        schemas = [arg for path in self.paths for arg in ("-r", path)]
        data = [arg for path in paths for arg in ("-d", path)]
        result = subprocess.run([self.ajv, "validate", *AJV, "--errors=text", "-s", wrapper,
                                 *schemas, *data], capture_output=True, text=True)
        said = {}
        current = None
        for line in (result.stdout + result.stderr).splitlines():
            verdict = re.fullmatch(r"(.*) (valid|invalid)", line)
            if verdict and verdict.group(1) in paths:
                current = verdict.group(1)
                said[current] = [] if verdict.group(2) == "valid" else ["(invalid)"]
            elif current and said[current] and line.strip():
                said[current].append(line.strip())
        if len(said) != len(paths):
            raise RuntimeError("ajv gave no verdict on some documents:\n"
                               f"{result.stdout}{result.stderr}")
        return [said[path][1:4] or said[path] for path in paths]


def main():
    binary, schema_dir, kb_path = sys.argv[1:4]
    samples = sys.argv[4] if len(sys.argv) > 4 else None
    ajv = shutil.which("ajv")
    if ajv is None:
        print("SKIP: ajv not installed (npm install -g ajv-cli@5.0.0, "
              "or scripts/bootstrap --with-test-tools)")
        return SKIP
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        validators = Validators(ajv, schema_dir, folder)
        failures += validators.compile_problems()
        if failures:
            print("\n".join(failures))
            return 1

        real = {}
        references = {}
        found = list(outputs(binary, kb_path, folder))
        if samples:
            found += history_outputs(samples, folder)
        for name, reference, text in found:
            real[name] = json.loads(text)
            references[name] = reference
        awkward = list(awkward_documents(real))
        judged = validators.judge([(name, references[name], real[name]) for name in real] +
                                  [(name, reference, document)
                                   for name, reference, document, _ in awkward])
        for name in real:
            for validator, errors in zip(("python-jsonschema", "ajv"), judged[name]):
                if errors:
                    failures.append(f"{name}: {validator} rejects it ({references[name]}): "
                                    f"{errors}")
        for name, _, _, valid in awkward:
            for validator, errors in zip(("python-jsonschema", "ajv"), judged[name]):
                if bool(errors) == valid:
                    failures.append(f"{name}: {validator} {'rejects' if errors else 'accepts'} it"
                                    f"{': ' + str(errors) if errors else ''}")

    for line in failures[:40]:
        print(line)
    kinds = len(set(references.values()))
    print(f"{len(validators.paths)} schemas, {len(real)} outputs of {kinds} kinds and "
          f"{len(awkward)} edited documents checked by ajv and python-jsonschema: "
          f"{len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
