"""The article model and its rules. Pure Python: no Qt, no SQLite."""
