"""The workflow's statuses, in order: a module of its own so the window's frame can list them
without importing the article model."""

from __future__ import annotations

STATUSES = ("draft", "in_review", "approved", "published", "spiked")
