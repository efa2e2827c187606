"""zwgk: the domain package of the 政务公开 site generator. Independent of MkDocs.

load (content → model) → publish (model → what the public may see) → pages (page data) → render.
"""

from .loader import load_project
from .publication import PublicSite, publish

__all__ = ["load_project", "publish", "PublicSite"]
