"""Markdown to publishable HTML, web images and bundles in and out. No Qt."""
