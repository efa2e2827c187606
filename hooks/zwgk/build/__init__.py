"""One build: load, check, publish and render with Jinja2; the self-check report."""
