#!/usr/bin/env python3
"""Adds the request shapes of the operations dynalite lacks to the engine's request-shapes.json.

The shapes of the operations dynalite has come from its validation files (they record DynamoDB's order of
checks); the others are taken here from the service model botocore ships (data/dynamodb/2012-08-10 and
data/dynamodbstreams/2012-08-10), written in the same form RequestShapes reads: a member's serialization
type, then its constraints (notNull for a required member, lengths, ranges, patterns, enums, map keys).

    python3 src/test/python/request_shapes_from_botocore.py   # rewrites the file in place
"""
import gzip
import json
import os
import sys

import botocore

OPERATIONS = {
    "dynamodb": ["TransactWriteItems", "TransactGetItems", "UpdateTimeToLive"],
    "dynamodbstreams": ["ListStreams", "DescribeStream", "GetShardIterator", "GetRecords"],
}
TARGET = os.path.join(os.path.dirname(__file__), "..", "..", "..", "resources", "dev", "cruddur", "admin", "engine", "ops",
                      "request-shapes.json")


def load(service):
    directory = os.path.join(os.path.dirname(botocore.__file__), "data", service, "2012-08-10")
    for name in os.listdir(directory):
        if name.startswith("service-2.json"):
            path = os.path.join(directory, name)
            with (gzip.open(path, "rt") if name.endswith(".gz") else open(path)) as f:
                return json.load(f)
    sys.exit("no service-2.json for " + service + " in " + directory)


def spec(model, name, place):
    """place: 'field' (a member of a structure), 'element' (of a list) or 'value' (of a map)."""
    shape = model["shapes"][name]
    kind = shape["type"]
    if name == "AttributeValue":
        return "AttrStruct<" + ("FieldStruct" if place == "field" else "ValueStruct") + ">"
    out = {}
    if kind == "string":
        out["type"] = "String"
    elif kind == "blob":
        out["type"] = "Blob"
    elif kind == "boolean":
        out["type"] = "Boolean"
    elif kind in ("integer", "long"):
        out["type"] = "Integer" if kind == "integer" else "Long"
    elif kind == "list":
        out["type"] = "List" if place == "field" else "ParameterizedList"
    elif kind == "map":
        value = shape["value"]["shape"]
        java = {"AttributeValue": "AttributeValue", "string": "java.lang.String"}
        value_kind = model["shapes"][value]["type"]
        out["type"] = ("Map<" + (value if value == "AttributeValue" else java.get(value_kind, value)) + ">") if place == "field" else "ParameterizedMap"
    elif kind == "structure":
        out["type"] = ("FieldStruct<" if place == "field" else "ValueStruct<") + name + ">"
    else:
        sys.exit("unknown shape type " + kind + " of " + name)
    constraints(shape, out)
    if kind == "list":
        out["children"] = spec(model, shape["member"]["shape"], "element")
    elif kind == "map":
        key = model["shapes"][shape["key"]["shape"]]
        keys = {}
        constraints(key, keys)
        if keys:
            out["keys"] = keys
        out["children"] = spec(model, shape["value"]["shape"], "value")
    elif kind == "structure":
        out["children"] = members(model, shape)
    # a plain type with no constraints is written as its name alone, as in dynalite's files
    return out["type"] if len(out) == 1 and kind in ("string", "blob", "boolean") else out


def constraints(shape, out):
    kind = shape["type"]
    if kind in ("integer", "long"):
        if "min" in shape:
            out["greaterThanOrEqual"] = shape["min"]
        if "max" in shape:
            out["lessThanOrEqual"] = shape["max"]
    else:
        if "pattern" in shape:
            out["regex"] = shape["pattern"]
        if "min" in shape:
            out["lengthGreaterThanOrEqual"] = shape["min"]
        if "max" in shape:
            out["lengthLessThanOrEqual"] = shape["max"]
    if "enum" in shape:
        out["enum"] = shape["enum"]


def members(model, structure):
    required = set(structure.get("required", []))
    out = {}
    for member, ref in structure["members"].items():
        s = spec(model, ref["shape"], "field")
        if member in required:
            s = {"type": s} if isinstance(s, str) else s
            # notNull first among the constraints, as the service reports a missing member
            s = {"type": s["type"], "notNull": True, **{k: v for k, v in s.items() if k != "type"}}
        out[member] = s
    return out


def main():
    with open(TARGET) as f:
        shapes = json.load(f)
    for service, operations in OPERATIONS.items():
        model = load(service)
        for op in operations:
            shapes[op] = members(model, model["shapes"][model["operations"][op]["input"]["shape"]])
    with open(TARGET, "w") as f:
        f.write(json.dumps(dict(sorted(shapes.items())), indent=1) + "\n")


if __name__ == "__main__":
    main()
