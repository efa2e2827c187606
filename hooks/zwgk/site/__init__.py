"""The public site as data: what is published, its pages and paths, bodies, search, feeds, open data, the package."""
