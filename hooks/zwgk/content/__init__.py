"""Reading files into the typed model: YAML/Markdown with line numbers, schemas, validation, cross-references
and 索引号. Which files are read, in which order, is the registry's (zwgk.kinds)."""
