#!/usr/bin/python3
"""Sweeps the warning signs through the real binary, as JSON and as text:

- every phrase of every symptom, in each area, is read as that symptom and answered as
  its knowledge-base answer says (withheld: exit 3; otherwise a routine, exit 0);
- every pair of symptoms, and a spread of triples, in each area: every sign that
  withholds is named, the overall level is the highest, reasons come most urgent first,
  and a withheld answer says only what to do now;
- every symptom with each condition and at several ages;
- no stop that existed before symptoms were words is weaker now, and every word that
  named one then names the same one now.

Usage: check_warning_signs.py KNOTPLAN_BINARY
"""
import itertools
import json
import subprocess
import sys

AREAS = ["neck", "shoulders", "upper-back", "between-shoulder-blades", "lower-back"]
URGENCY = {"physio": 0, "doctor": 1, "emergency": 2}
# The warning signs of knowledge-base format 2 and the level each withheld at, in every area: no
# answer may be less urgent now.
EARLIER_STOPS = {
    "chest-pain": "emergency", "short-of-breath": "emergency", "tearing-pain": "emergency",
    "saddle-numbness": "emergency", "bladder-bowel": "emergency", "both-legs": "emergency",
    "serious-accident": "emergency", "fever-stiff-neck": "emergency", "fever": "doctor",
    "weight-loss": "doctor", "night-pain": "doctor", "arm-numbness": "doctor",
    "weakness": "doctor", "dizziness": "doctor", "lump": "doctor",
}
# The words format 2 took for them: each must still name the same symptom.
EARLIER_SPELLINGS = {
    "chest": "chest-pain", "breathless": "short-of-breath",
    "breathlessness": "short-of-breath", "tearing": "tearing-pain", "ripping": "tearing-pain",
    "saddle": "saddle-numbness", "incontinence": "bladder-bowel", "cannot pee": "bladder-bowel",
    "legs": "both-legs", "accident": "serious-accident", "car crash": "serious-accident",
    "fall from height": "serious-accident", "meningitis": "fever-stiff-neck",
    "temperature": "fever", "night": "night-pain", "tingling": "arm-numbness",
    "pins and needles": "arm-numbness", "clumsy": "weakness", "dizzy": "dizziness",
    "blackout": "dizziness", "fainting": "dizziness", "swelling": "lump",
}


def run(binary, args, json_output=True):
    command = [binary, *args] + (["--format", "json"] if json_output else [])
    result = subprocess.run(command, capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"})
    return result.returncode, result.stdout, result.stderr


def matches(when, request):
    """The knowledge base's condition semantics: keys AND, list values OR."""
    def any_in(key, present):
        wanted = when.get(key)
        return not wanted or any(item in wanted for item in present)

    def bounds(key, value):
        limit = when.get(key)
        if not limit:
            return True
        if value is None:
            return False
        return limit.get("min", value) <= value <= limit.get("max", value)

    return (any_in("area", request["areas"]) and any_in("symptom", request["symptoms"])
            and any_in("condition", request["conditions"])
            and any_in("cause", [request["cause"]]) and any_in("stage", [request["since"]["stage"]])
            and bounds("age", request["age"]) and bounds("pain", request["pain"]))


def expected_answer(symptom, request):
    return next(answer for answer in symptom["answers"] if matches(answer.get("when", {}), request))


class Sweep:
    def __init__(self, binary):
        self.binary = binary
        self.failures = []
        self.runs = 0
        code, out, _ = run(binary, ["list", "symptoms"])
        self.symptoms = {entry["id"]: entry for entry in json.loads(out)}

    def fail(self, label, message):
        self.failures.append(f"{label}: {message}")

    def plan(self, args):
        self.runs += 1
        code, out, err = run(self.binary, args)
        label = " ".join(args)
        if code not in (0, 3):
            self.fail(label, f"exit {code}: {err.strip()}")
            return None, label
        return json.loads(out), label

    def check_answer(self, doc, label, reported):
        """Every reported symptom answered as the knowledge base says."""
        request = doc["request"]
        if sorted(request["symptoms"]) != sorted(set(reported)):
            self.fail(label, f"read as {request['symptoms']}, expected {sorted(set(reported))}")
            return
        answers = {sid: expected_answer(self.symptoms[sid], request) for sid in reported}
        stops = {sid: a for sid, a in answers.items() if a["action"] == "withhold"}
        professional = doc["see_a_professional"]
        if stops:
            if doc["status"] != "withheld":
                self.fail(label, f"{sorted(stops)} should withhold the routine")
                return
            named = [reason["symptom"] for reason in professional["reasons"]]
            for sid in stops:
                if sid not in named:
                    self.fail(label, f"{sid} withholds but is not named")
            levels = [URGENCY[reason["level"]] for reason in professional["reasons"]]
            if levels != sorted(levels, reverse=True):
                self.fail(label, "reasons are not most urgent first")
            if URGENCY[professional["level"]] != max(levels):
                self.fail(label, "the overall level is not the highest reason's")
            if doc["watch_for"] or doc["advice"] or doc["cautions"] or doc["disclaimer"]:
                self.fail(label, "a withheld answer says more than what to do now")
        elif doc["status"] != "ok":
            # A rule (pain, a knock on thin bones) may withhold for reasons of its own.
            if not any(reason["rule"] for reason in professional["reasons"]):
                self.fail(label, "withheld with no symptom that withholds and no rule")
        else:
            for sid, answer in answers.items():
                if answer["action"] == "advise" and answer["message"] not in doc["advice"]:
                    self.fail(label, f"{sid}'s advice is missing")
                if answer["action"] == "refer":
                    messages = [r["message"] for r in (professional or {}).get("reasons", [])]
                    if answer["message"] not in messages:
                        self.fail(label, f"{sid}'s referral is missing")
        for sid, level in EARLIER_STOPS.items():
            if sid in reported and doc["status"] == "withheld":
                reason = next((r for r in professional["reasons"] if r["symptom"] == sid), None)
                if reason and URGENCY[reason["level"]] < URGENCY[level]:
                    self.fail(label, f"{sid} is less urgent than it was ({reason['level']})")
            elif sid in reported:
                self.fail(label, f"{sid} no longer withholds the routine")

    def phrases(self):
        for symptom, area in itertools.product(self.symptoms.values(), AREAS):
            for phrase in [symptom["id"], *symptom["phrases"]]:
                doc, label = self.plan(["--area", area, "--symptom", phrase])
                if doc:
                    self.check_answer(doc, label, [symptom["id"]])

    def earlier_spellings(self):
        for typed, sid in EARLIER_SPELLINGS.items():
            for area in AREAS:
                doc, label = self.plan(["--area", area, "--symptom", typed])
                if doc:
                    self.check_answer(doc, label, [sid])
        for sid in EARLIER_STOPS:
            doc, label = self.plan(["--area", "lower-back", "--symptom", sid])
            if doc:
                self.check_answer(doc, label, [sid])

    def combinations(self):
        ids = sorted(self.symptoms)
        triples = list(itertools.combinations(ids, 3))[::7]
        for combination in [*itertools.combinations(ids, 2), *triples]:
            for area in AREAS:
                doc, label = self.plan(["--area", area, "--symptom", ",".join(combination)])
                if doc:
                    self.check_answer(doc, label, list(combination))

    def conditions_and_ages(self):
        code, out, _ = run(self.binary, ["list", "conditions"])
        conditions = [entry["id"] for entry in json.loads(out)]
        for sid, condition, age in itertools.product(self.symptoms, conditions, ["17", "55", "80"]):
            area = AREAS[len(sid) % len(AREAS)]
            doc, label = self.plan(["--area", area, "--symptom", sid, "--condition", condition,
                                    "--age", age])
            if doc:
                self.check_answer(doc, label, [sid])

    def text(self):
        """Read as text too: every withholding sign's name is printed, and nothing else."""
        for first, second in [("chest-pain", "bladder-bowel"), ("tearing-pain", "saddle-numbness"),
                              ("fever", "headache"), ("one-leg", "cough-sneeze")]:
            args = ["--area", "lower-back", "--symptom", f"{first},{second}"]
            self.runs += 1
            code, out, _ = run(self.binary, args, json_output=False)
            for sid in (first, second):
                name = self.symptoms[sid]["name"]
                if code == 3 and name not in out:
                    self.fail(" ".join(args), f"the text does not name {name!r}")
            if code == 3 and ("routines" in out or "Stop and get help" in out):
                self.fail(" ".join(args), "the withheld text speaks of routines")


def main():
    sweep = Sweep(sys.argv[1])
    sweep.phrases()
    sweep.earlier_spellings()
    sweep.combinations()
    sweep.conditions_and_ages()
    sweep.text()
    for line in sweep.failures[:40]:
        print(line)
    print(f"{sweep.runs} answers checked, {len(sweep.failures)} problems")
    return 1 if sweep.failures else 0


if __name__ == "__main__":
    sys.exit(main())
