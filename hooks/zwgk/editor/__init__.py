"""Editors' tools beyond the forms of `build.py new` (those are in zwgk.kinds): `build.py import`, the exported JSON Schemas."""
