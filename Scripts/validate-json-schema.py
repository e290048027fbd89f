#!/usr/bin/env python3
"""Validates a JSON document against a JSON Schema with the `jsonschema` package (pip install jsonschema).
Usage: Scripts/validate-json-schema.py SCHEMA DOCUMENT   — prints the first errors and exits 1 when invalid."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1]))
document = json.load(open(sys.argv[2]))
validator = jsonschema.validators.validator_for(schema)(schema)
errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
for error in errors[:10]:
    print(f"{'/'.join(map(str, error.path)) or '<root>'}: {error.message}")
sys.exit(1 if errors else 0)
