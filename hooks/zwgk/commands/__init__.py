"""What build.py's commands do, one module per command; `mkdocs_run` is the one that drives MkDocs
(or ProperDocs in its place) and `pipeline` the load → check → build → link check they share."""
