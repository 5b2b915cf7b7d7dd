"""The store's schema version as a bare constant: read before anything heavy is imported
(the window's start decides with it whether to fork the preview renderer). A test keeps it
equal to the number of migrations in ``schema.py``."""

SCHEMA_VERSION = 11
