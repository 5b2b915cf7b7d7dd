"""The PySide6 user interface. Holds no business rules: it calls core, store and publish."""
