# SPDX-License-Identifier: MIT
"""The subset of JSON Schema (2020-12) that doc/msrcheck-results.schema.json
uses, checked by hand: no jsonschema package needed.

A keyword this module does not implement is an error, not silently
ignored, so the schema cannot grow a rule the tests do not check.
"""
import re

ANNOTATIONS = {"$schema", "$id", "title", "description"}
KEYWORDS = {"$ref", "$defs", "type", "const", "enum", "properties", "required",
            "additionalProperties", "items", "pattern", "minimum", "oneOf"}

TYPES = {
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "array": lambda v: isinstance(v, list),
    "object": lambda v: isinstance(v, dict),
}


def resolve(root, ref):
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref are supported: {ref}")
    node = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def errors(value, schema, root=None, path="$"):
    """Every way value breaks schema, as "path: what" strings."""
    root = root if root is not None else schema
    unknown = set(schema) - KEYWORDS - ANNOTATIONS
    if unknown:
        raise ValueError(f"schema keyword(s) not implemented: {sorted(unknown)}")
    out = []
    if "$ref" in schema:
        out += errors(value, resolve(root, schema["$ref"]), root, path)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(TYPES[t](value) for t in types):
            return out + [f"{path}: {value!r:.60} is not of type {types}"]
    if "const" in schema and value != schema["const"]:
        out.append(f"{path}: {value!r:.60} is not {schema['const']!r}")
    if "enum" in schema and not any(value == e and type(value) is type(e)
                                    for e in schema["enum"]):
        out.append(f"{path}: {value!r:.60} is not one of {schema['enum']}")
    if "pattern" in schema and isinstance(value, str) \
            and not re.search(schema["pattern"], value):
        out.append(f"{path}: {value!r:.60} does not match {schema['pattern']}")
    if "minimum" in schema and TYPES["number"](value) and value < schema["minimum"]:
        out.append(f"{path}: {value} is below {schema['minimum']}")
    if "oneOf" in schema:
        ok = [s for s in schema["oneOf"] if not errors(value, s, root, path)]
        if len(ok) != 1:
            out.append(f"{path}: {value!r:.60} matches {len(ok)} of oneOf, want 1")
    if not isinstance(schema.get("additionalProperties", False), bool):
        raise ValueError("only additionalProperties: true/false is supported")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in value:
                out.append(f"{path}: missing {key!r}")
        for key, item in value.items():
            if key in props:
                out += errors(item, props[key], root, f"{path}.{key}")
            elif schema.get("additionalProperties", True) is False:
                out.append(f"{path}: unexpected key {key!r}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            out += errors(item, schema["items"], root, f"{path}[{i}]")
    return out
