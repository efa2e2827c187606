"""Editors' tools: `build.py new`, `build.py import`, the exported JSON Schemas."""
