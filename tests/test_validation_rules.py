"""The article's invariants, each refusal exact: the field it names and its words (found by
mutation testing, docs/testing.md: the gate's tests checked that a bad value was refused,
seldom for which field or why)."""

from __future__ import annotations

import pytest

from app.core.errors import InputError
from app.core.model import Article, Figure, RelatedLink, Source
from app.core.validation import validate_article

SHA = "0" * 64


def figure(caption: str = "c") -> Figure:
    return Figure(
        key="k",
        image=SHA,
        caption=caption,
        credit="cr",
        alt="a",
        focus="",
        creator="",
        copyright="",
    )


def base(**changes: object) -> Article:
    article = Article(
        id="a-1",
        slug="a-1",
        title="t",
        dek="d",
        byline=["x"],
        section="s",
        body="b",
        figures=[Figure("k", SHA, "c", "cr", "alt")],
        sources=[Source("2024-01-01", "o", "t", "https://e.org")],
        related=[RelatedLink("related", "b-2", title="t")],
    )
    for name, value in changes.items():
        setattr(article, name, value)
    return article


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param(
            {"id": "-x"},
            "id",
            "'-x' is not an article id (letters, digits, '-' and '_')",
            id="id_bad",
        ),
        pytest.param(
            {"id": ""}, "id", "'' is not an article id (letters, digits, '-' and '_')", id="id_none"
        ),
        pytest.param(
            {"id": "a" * 65},
            "id",
            f"'{'a' * 65}' is not an article id (letters, digits, '-' and '_')",
            id="id_long",
        ),
        pytest.param({"title": "  "}, "title", "the title must not be empty", id="title"),
        pytest.param(
            {"slug": "A b"}, "slug", "'A b' is not a slug (a-z, 0-9 and single hyphens)", id="slug"
        ),
        pytest.param({"status": "done"}, "status", "'done' is not a status", id="status"),
        pytest.param(
            {"canonical_url": "ftp://x"},
            "canonical_url",
            "'ftp://x' is not a web address (http or https)",
            id="canon",
        ),
        pytest.param(
            {"published": "2024-13-01"},
            "published",
            "'2024-13-01' is not a date (use YYYY-MM-DD or an ISO 8601 time)",
            id="published",
        ),
        pytest.param(
            {"published": "2024-1-1"},
            "published",
            "'2024-1-1' is not an ISO 8601 date",
            id="published_fmt",
        ),
        pytest.param(
            {"updated": "yesterday"},
            "updated",
            "'yesterday' is not a date (use YYYY-MM-DD or an ISO 8601 time)",
            id="updated",
        ),
        pytest.param(
            {"correction_date": "2024-01-01"},
            "correction",
            "a correction date needs the correction's text",
            id="corr_date",
        ),
        pytest.param(
            {"correction": "fixed"},
            "correction_date",
            "a correction needs the date it was made",
            id="corr",
        ),
        pytest.param(
            {"correction": "  ", "correction_date": "2024-01-02"},
            "correction",
            "a correction date needs the correction's text",
            id="corr_blank",
        ),
        pytest.param(
            {
                "figures": [
                    Figure(
                        key="../x",
                        image=SHA,
                        caption="c",
                        credit="cr",
                        alt="a",
                        focus="",
                        creator="",
                        copyright="",
                    )
                ]
            },
            "figures[1].key",
            "'../x' is not a figure key (letters, digits, '-' and '_')",
            id="fig_key",
        ),
        pytest.param(
            {
                "figures": [
                    figure(),
                    figure(),
                ]
            },
            "figures[2].key",
            "two figures share the key 'k'",
            id="fig_dup",
        ),
        pytest.param(
            {
                "figures": [
                    Figure(
                        key="k",
                        image=SHA,
                        caption="c",
                        credit="cr",
                        alt="a",
                        focus="2,0",
                        creator="",
                        copyright="",
                    )
                ]
            },
            "figures[1].focus",
            "'2,0' is not a focal point (x,y, each from 0 to 1)",
            id="fig_focus",
        ),
        pytest.param(
            {
                "figures": [
                    Figure(
                        key="k",
                        image="abc",
                        caption="c",
                        credit="cr",
                        alt="a",
                        focus="",
                        creator="",
                        copyright="",
                    )
                ]
            },
            "figures[1].image",
            "the image reference is not an image of the store",
            id="fig_image",
        ),
        pytest.param(
            {
                "figures": [
                    Figure(
                        key="k",
                        image="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                        caption="c",
                        credit="cr",
                        alt="a",
                        focus="",
                        creator="",
                        copyright="",
                    )
                ]
            },
            "figures[1].image",
            "the image reference is not an image of the store",
            id="fig_image_upper",
        ),
        pytest.param(
            {
                "sources": [
                    Source(date="d", outlet="o", title="t", url="https://e.org", note=""),
                    Source(date="d", outlet="o", title="t", url="javascript:x", note=""),
                ]
            },
            "sources[2].url",
            "'javascript:x' is not a web address (http or https)",
            id="src_url",
        ),
        pytest.param(
            {
                "related": [
                    RelatedLink(
                        kind="wat", article_id="b", url="", title="", excerpt="", author="", date=""
                    )
                ]
            },
            "related[1].kind",
            "'wat' is not a kind of related link",
            id="rel_kind",
        ),
        pytest.param(
            {
                "related": [
                    RelatedLink(
                        kind="related",
                        article_id=None,
                        url="ftp://x",
                        title="",
                        excerpt="",
                        author="",
                        date="",
                    )
                ]
            },
            "related[1].url",
            "'ftp://x' is not a web address (http or https)",
            id="rel_url",
        ),
        pytest.param(
            {
                "related": [
                    RelatedLink(
                        kind="related",
                        article_id="../b",
                        url="",
                        title="",
                        excerpt="",
                        author="",
                        date="",
                    )
                ]
            },
            "related[1].article",
            "'../b' is not an article id",
            id="rel_article",
        ),
        pytest.param({"revision": True}, "revision", "must be a revision number", id="rev_bool"),
        pytest.param({"revision": "1"}, "revision", "must be a revision number", id="rev_str"),
        pytest.param({"byline": "x"}, "byline", "must be a list of names (text)", id="byline_str"),
        pytest.param({"tags": [1]}, "tags", "must be a list of names (text)", id="tags_int"),
        pytest.param(
            {"figures": (figure(),)},
            "figures",
            "must be a list",
            id="figs_tuple",
        ),
        pytest.param(
            {"figures": [Source(date="d", outlet="o", title="t", url="", note="")]},
            "figures[1]",
            "must be a figure",
            id="fig_is_source",
        ),
        pytest.param({"figures": ["k"]}, "figures[1]", "must be a figure", id="fig_str"),
        pytest.param(
            {
                "figures": [
                    Figure(
                        key="k",
                        image=SHA,
                        caption=3,
                        credit="cr",
                        alt="a",
                        focus="",
                        creator="",
                        copyright="",
                    )
                ]
            },
            "figures[1].caption",
            "must be text",
            id="fig_field",
        ),
        pytest.param(
            {
                "related": [
                    RelatedLink(
                        kind="related",
                        article_id="b",
                        url="",
                        title=None,
                        excerpt="",
                        author="",
                        date="",
                    )
                ]
            },
            "related[1].title",
            "must be text",
            id="rel_title_none",
        ),
        pytest.param({"title": 5}, "title", "must be text, not int", id="title_int"),
        pytest.param(
            {"body": "a\ud800"},
            "body",
            "holds text that is not valid Unicode (a lone surrogate)",
            id="surrogate",
        ),
        pytest.param({"dek": "a\x00"}, "dek", "holds a NUL character, which no text may", id="nul"),
        pytest.param(
            {"figures": [figure(caption="c\x00")]},
            "figures",
            "holds a NUL character, which no text may",
            id="nul_fig",
        ),
    ],
)
def test_each_invariant_is_refused_naming_the_field(
    changes: dict, field: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        validate_article(base(**changes), file="f.md")
    assert (caught.value.field, caught.value.message, caught.value.file) == (field, message, "f.md")


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({"id": "a" * 64}, id="id_64"),
        pytest.param({"canonical_url": "https://e.org/a"}, id="canon_ok"),
        pytest.param({"correction": "fixed", "correction_date": "2024-01-02"}, id="corr_ok"),
        pytest.param({"revision": 3}, id="rev_ok"),
        pytest.param(
            {
                "related": [
                    RelatedLink(
                        kind="related",
                        article_id=None,
                        url="https://e.org",
                        title="t",
                        excerpt="",
                        author="",
                        date="",
                    )
                ]
            },
            id="rel_none_ok",
        ),
        pytest.param({"body": "ok"}, id="sur_dict"),
    ],
)
def test_values_at_the_edge_are_fine(changes: dict) -> None:
    validate_article(base(**changes))


def test_a_refusal_is_one_line_naming_file_and_field() -> None:
    with pytest.raises(InputError) as caught:
        validate_article(base(status="done"), file="f.md")
    assert str(caught.value) == "f.md: field 'status': 'done' is not a status"
