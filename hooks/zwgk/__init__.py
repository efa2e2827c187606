"""zwgk: the domain package of the 政务公开 site generator. Only hooks/zwgk_hooks.py and
zwgk.commands.mkdocs_run talk to MkDocs.

The subpackages follow the build, each importing only the ones before it:
base → content (read, model) → kinds (the registry; load) → site (publish, page data) → checks →
build (check, render) → editor → commands.
"""
