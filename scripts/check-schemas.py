#!/usr/bin/env python3
"""Validates movement definitions against the shipped JSON Schemas with an independent
validator (jsonschema, draft 2020-12): the shipped definition, the one `thidua movement
init` writes, and copies with a misspelt key, a value of the wrong kind and a missing
required key, which must each fail at the place changed.

  python3 scripts/check-schemas.py THIDUA_BINARY
"""
import json
import pathlib
import subprocess
import sys
import tempfile

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "Sources/ThiDuaCore/Resources/ke-hoach-5201"
SCHEMA_OF = {
    "movement.json": "movement",
    "criteria.json": "criteria",
    "thresholds.json": "thresholds",
    "awards.json": "awards",
    "intake.json": "intake",
}


def validators():
    out = {}
    for path in sorted((SHIPPED / "schema").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        out[path.name.removesuffix(".schema.json")] = jsonschema.Draft202012Validator(schema)
    return out


def errors(folder, checkers):
    """Every file of the definition in `folder` against its schema: (file, path, message)."""
    found = []
    files = [f for f in SCHEMA_OF if (folder / f).exists()]
    files += sorted(str(p.relative_to(folder)) for p in (folder / "forms").glob("*.json"))
    files += sorted(str(p.relative_to(folder)) for p in (folder / "standards").glob("*.json"))
    for name in files:
        schema = SCHEMA_OF.get(name, "standard" if name.startswith("standards/") else "form")
        value = json.loads((folder / name).read_text(encoding="utf-8-sig"))
        for e in checkers[schema].iter_errors(value):
            found.append((name, "/".join(str(p) for p in e.absolute_path), e.message))
    return found, len(files)


def main():
    binary = sys.argv[1]
    checkers = validators()
    failures = 0
    found, count = errors(SHIPPED, checkers)
    print(f"shipped definition: {count} files, {len(found)} schema errors")
    failures += len(found)
    with tempfile.TemporaryDirectory() as tmp:
        started = pathlib.Path(tmp) / "moi"
        subprocess.run([binary, "movement", "init", str(started), "--year", "2026"], check=True, capture_output=True)
        found, count = errors(started, checkers)
        print(f"movement init: {count} files, {len(found)} schema errors")
        failures += len(found)
        # Each broken copy: (file, edit, the error's path expected)
        broken = [
            ("awards.json", lambda d: d["rules"][0].update(quota=d["rules"][0].pop("quotaShare")), "rules/0"),
            ("criteria.json", lambda d: d["criteria"][3].update(points="20%"), "criteria/3/points"),
            ("forms/TIEU_CHI.json", lambda d: d["role"].pop("kind"), "role"),
            ("movement.json", lambda d: d.update(planDate="27/9/2017"), "planDate"),
            # A category key outside the vocabulary.
            ("criteria.json", lambda d: d["maxPoints"].update(CANBO=d["maxPoints"].pop("CAN_BO")), "maxPoints"),
        ]
        for n, (file, edit, where) in enumerate(broken):
            copy = pathlib.Path(tmp) / (f"broken-{n}-" + file.replace("/", "-"))
            subprocess.run(["cp", "-r", str(SHIPPED), str(copy)], check=True)
            value = json.loads((copy / file).read_text(encoding="utf-8"))
            edit(value)
            (copy / file).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
            found, _ = errors(copy, checkers)
            places = sorted({(f, p) for f, p, _ in found})
            ok = places == [(file, where)]
            print(f"{file} broken at {where}: {'refused there' if ok else 'NOT as expected: ' + repr(found)}")
            failures += 0 if ok else 1
            # thidua's own check refuses the same copy.
            check = subprocess.run([binary, "movement", "check", str(copy)], capture_output=True)
            if check.returncode != 1:
                print(f"  thidua movement check exited {check.returncode}, expected 1")
                failures += 1
    print(f"schemas: {failures} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
