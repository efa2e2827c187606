"""Reading content/ and catalogues/ into the typed model: files, schemas, validation, cross-references."""
