"""The window fixtures, for the sync tests that go through the window."""

from tests.ui.conftest import articles, settings, window  # noqa: F401
