#!/usr/bin/env python3
"""Renders the JSON Schemas of the movement definition (schema/*.schema.json beside the
shipped definition) into docs/movement.md, between the markers of its reference section:
one table per file, one row per key (nested keys as `parent.child`, list items as
`parent[].child`): type, required, default, example, meaning.

  scripts/schema-reference.py           rewrite the section
  scripts/schema-reference.py --check   exit 1 when the section is not what the schemas say
"""
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "Sources/ThiDuaCore/Resources/ke-hoach-5201/schema"
DOC = ROOT / "docs/movement.md"
BEGIN = "<!-- schema reference: begin (scripts/schema-reference.py writes this part) -->"
END = "<!-- schema reference: end -->"
FILES = [
    ("movement", "movement.json"),
    ("form", "forms/<FORM>.json"),
    ("criteria", "criteria.json"),
    ("thresholds", "thresholds.json"),
    ("awards", "awards.json"),
    ("intake", "intake.json"),
    ("standard", "standards/<ID>.json"),
]


def resolve(node, root):
    ref = node.get("$ref")
    if ref is None:
        return node
    return resolve(root["$defs"][ref.removeprefix("#/$defs/")], root)


def type_text(node, root):
    node = resolve(node, root)
    kind = node.get("type")
    if kind == "array":
        items = resolve(node.get("items", {}), root)
        inner = "objects" if items.get("type") == "object" else type_text(items, root)
        return f"list of {inner}"
    if kind == "object" and isinstance(node.get("additionalProperties"), dict):
        return "object: any key → " + type_text(node["additionalProperties"], root)
    text = kind if isinstance(kind, str) else " or ".join(kind or ["any"])
    if "enum" in node:
        text += ": " + ", ".join(f"`{v}`" for v in node["enum"])
    return text


def cell(value):
    if value is None:
        return ""
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > 60:
        text = text[:57] + "…"
    return "`" + text.replace("|", "\\|") + "`"


def rows(node, root, prefix):
    node = resolve(node, root)
    required = set(node.get("required", []))
    out = []
    for key, child in node.get("properties", {}).items():
        name = prefix + key
        resolved = resolve(child, root)
        examples = resolved.get("examples", child.get("examples"))
        description = child.get("description") or resolved.get("description", "")
        out.append(
            "| `{}` | {} | {} | {} | {} | {} |".format(
                name,
                type_text(child, root),
                "yes" if key in required else "",
                cell(resolved.get("default", child.get("default"))),
                cell(examples[0]) if examples else "",
                description.replace("|", "\\|").replace("\n", " "),
            )
        )
        if resolved.get("type") == "object" and "properties" in resolved:
            out += rows(resolved, root, name + ".")
        elif resolved.get("type") == "array":
            items = resolve(resolved.get("items", {}), root)
            if items.get("type") == "object" and "properties" in items:
                out += rows(items, root, name + "[].")
    return out


def section():
    parts = [BEGIN, ""]
    for name, file in FILES:
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        parts += [
            f"### `{file}` (`schema/{name}.schema.json`)",
            "",
            schema.get("description", ""),
            "",
            "| key | type | required | default | example | meaning |",
            "|---|---|---|---|---|---|",
            *rows(schema, schema, ""),
            "",
        ]
    parts.append(END)
    return "\n".join(parts)


def main():
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN), text.index(END) + len(END)
    updated = text[:start] + section() + text[end:]
    if "--check" in sys.argv[1:]:
        if updated != text:
            print("docs/movement.md: the schema reference is out of date; run scripts/schema-reference.py")
            sys.exit(1)
        print("schema reference: docs/movement.md matches the schemas")
        return
    DOC.write_text(updated, encoding="utf-8")


if __name__ == "__main__":
    main()
