#!/usr/bin/python3
"""The printable sheets as a person gets them: each 10-minute HTML sheet is printed to PDF
by headless Chromium and must fit one sheet of paper (two pages, printed on both sides)
with every step's name and the body map's description in the text, and so must its
--compact sheet;
the Markdown is parsed by cmark (the CommonMark reference parser) and must hold one list
item per step; a knowledge base with markup in it shows the markup as text; a withheld
routine prints only why and whom to see. A missing tool skips the test (exit 77, which
ctest reports as skipped) and says which.

Usage: check_sheets.py KNOTPLAN_BINARY
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

AREAS = ["neck", "shoulders", "upper-back", "between-shoulder-blades", "lower-back"]
REQUESTS = [[], ["--since", "3w", "--cause", "posture", "--equipment", "tennis-ball"],
            ["--since", "4mo", "--cause", "sleep", "--equipment", "hot-pack,cold-pack,foam-roller"]]
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--no-pdf-header-footer", "--print-to-pdf-no-header"]


def knotplan(binary, *args, expect=0):
    result = subprocess.run([binary, *args], capture_output=True, text=True)
    if result.returncode != expect:
        raise RuntimeError(f"knotplan {' '.join(args)}: exit {result.returncode}: {result.stderr}")
    return result.stdout


def print_pdf(html_path, pdf_path, folder):
    profile = tempfile.mkdtemp(dir=folder)
    subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                    f"--print-to-pdf={pdf_path}", "file://" + html_path],
                   capture_output=True, timeout=120, check=False)
    if not os.path.exists(pdf_path):
        raise RuntimeError(f"chromium made no PDF of {html_path}")
    info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    text = subprocess.run(["pdftotext", pdf_path, "-"], capture_output=True, text=True,
                          check=True).stdout
    return pages, " ".join(text.split())


def main():
    binary = sys.argv[1]
    missing = [tool for tool in ("chromium", "pdfinfo", "pdftotext", "cmark") if not shutil.which(tool)]
    if missing:
        print(f"SKIP: {', '.join(missing)} not installed (apt-get install chromium poppler-utils cmark)")
        return 77  # ctest: skipped
    failures = []
    sheets = 0
    with tempfile.TemporaryDirectory() as folder:
        for area in AREAS:
            for extra in REQUESTS:
                args = ["--area", area, "--minutes", "10", *extra]
                label = " ".join(args)
                routine = json.loads(knotplan(binary, *args, "--format", "json"))
                html_path = os.path.join(folder, "sheet.html")
                knotplan(binary, *args, "--format", "html", "-o", html_path)
                pages, text = print_pdf(html_path, os.path.join(folder, f"sheet{sheets}.pdf"), folder)
                sheets += 1
                # Every 10-minute routine fits one sheet of paper, printed on both sides
                # (print_sheets.js sweeps the whole request matrix).
                if pages > 2:
                    failures.append(f"{label}: the HTML sheet prints on {pages} pages, more than 2")
                for step in routine["steps"]:
                    if step["name"] not in text:
                        failures.append(f"{label}: step name {step['name']!r} is not in the PDF")
                knot = (f"between the {area[8:].replace('-', ' ')}" if area.startswith("between-")
                        else f"in the {area.replace('-', ' ')}")
                if f"Marked: the knot {knot}" not in text:
                    failures.append(f"{label}: the body map's caption does not name the knot's area")
                knotplan(binary, *args, "--compact", "--format", "html", "-o", html_path)
                pages, text = print_pdf(html_path, os.path.join(folder, f"compact{sheets}.pdf"), folder)
                if pages > 2:
                    failures.append(f"{label}: the --compact sheet prints on {pages} pages, more than one sheet")
                for step in routine["steps"]:
                    if step["name"] not in text:
                        failures.append(f"{label}: step name {step['name']!r} is not in the compact PDF")
                markdown = knotplan(binary, *args, "--format", "markdown")
                rendered = subprocess.run(["cmark"], input=markdown, capture_output=True, text=True,
                                          check=True).stdout
                items = rendered.count("<li>[ ] <strong>") + rendered.count("<li>\n<p>[ ] <strong>")
                if items != len(routine["steps"]):
                    failures.append(f"{label}: cmark finds {items} step items, expected {len(routine['steps'])}")
                if rendered.count("<h1>") != 1:
                    failures.append(f"{label}: cmark finds {rendered.count('<h1>')} titles")

        # Markup in a knowledge base prints as text, in the browser and in CommonMark.
        kb = json.loads(knotplan(binary, "kb", "export"))
        for technique in kb["techniques"]:
            if technique["id"] == "ball-against-wall":
                technique["name"] = "<script>document.title='x'</script><b>Ball</b> & wall"
        kb_path = os.path.join(folder, "hostile.json")
        with open(kb_path, "w") as handle:
            json.dump(kb, handle)
        args = ["--kb", kb_path, "--area", "upper-back", "--equipment", "tennis-ball"]
        html_path = os.path.join(folder, "hostile.html")
        knotplan(binary, *args, "--format", "html", "-o", html_path)
        _, text = print_pdf(html_path, os.path.join(folder, "hostile.pdf"), folder)
        # The name may wrap beside its picture: compare without the spaces and line breaks.
        hostile = "<script>document.title='x'</script><b>Ball</b> & wall"
        if "".join(hostile.split()) not in "".join(text.split()):
            failures.append("the hostile technique name does not print as text")
        rendered = subprocess.run(["cmark"], input=knotplan(binary, *args, "--format", "markdown"),
                                  capture_output=True, text=True, check=True).stdout
        if "<script>" in rendered or "<b>" in rendered:
            failures.append("markup from the knowledge base became markup in the Markdown")

        # A withheld routine prints only why and whom to see.
        html_path = os.path.join(folder, "withheld.html")
        knotplan(binary, "--area", "upper-back", "--symptom", "chest-pain", "--format", "html",
                 "-o", html_path, expect=3)
        pages, text = print_pdf(html_path, os.path.join(folder, "withheld.pdf"), folder)
        if pages != 1 or "No routine today" not in text or "emergency" not in text:
            failures.append("the withheld sheet does not say only why and whom to see")
        if "Pressure" in text or "Advice" in text:
            failures.append("the withheld sheet shows parts of a routine")

    for line in failures:
        print(line)
    print(f"{2 * sheets + 2} sheets printed with chromium")
    print(f"{0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
