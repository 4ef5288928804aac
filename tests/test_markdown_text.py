"""A Markdown file's parts as text: the front matter clippers write, and the body reduced to text."""

from __future__ import annotations

from analysis.markdown_text import front_matter, plain_text


def test_front_matter_of_blocks_nested_keys_and_comments():
    values, end = front_matter(["---", "# a comment", "description: >", "  第一行", "  第二行", "meta:",
                                "  og_title: 颱風", "aliases: 'it''s'", "empty:", "---", "本文"])
    assert values == {"description": "第一行 第二行", "meta": {"og_title": "颱風"}, "aliases": "it's", "empty": ""}
    assert end == 10
    assert front_matter(["# 颱風", "本文"]) == ({}, 0)


def test_plain_text_of_markdown():
    markdown = ("> 引言**粗體**與 _斜體_，snake_case 不動\n\n```\ncode line\n```\n\n[ref]: https://x.tw\n\n"
                "* 項目[一][ref]\n\n---\n\n標題\n===\n<!-- 註解 -->\n")
    assert plain_text(markdown) == "引言粗體與 斜體，snake_case 不動\ncode line\n項目一\n標題"
