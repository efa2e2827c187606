"""One module per kind of content file (document, interpretation, page, catalogue, …): each declares
once, as a `ContentKind`, where its files are, its schema, its model class, how it is loaded, what
`build.py new` asks for it and its line in the editors' handbook. `registry.KINDS` lists them all;
`project.load_project` loads a content tree by reading that list."""
