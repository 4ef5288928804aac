"""The segmentation sub-package re-exports its parts flat, and the kit's API takes them from there."""

from __future__ import annotations

import importlib

import pytest

import analysis
from analysis import segmentation

HOMES = {"Adjustments": "lexicon", "learn_adjustments": "lexicon", "join_pieces": "rules",
         "detect_script": "script", "detect_scripts": "script", "fold_width": "script", "Segmenter": "segmenter",
         "get_segmenter": "segmenter",
         "read_userdict": "segmenter", "segment": "segmenter", "segment_many": "batch", "word_lengths_many": "batch",
         "CustomSegmenter": "custom"}


def test_all_lists_every_re_export():
    assert sorted(segmentation.__all__) == sorted(HOMES)


@pytest.mark.parametrize("name, module", HOMES.items())
def test_each_name_is_its_modules_own(name, module):
    assert getattr(segmentation, name) is getattr(importlib.import_module(f"analysis.segmentation.{module}"), name)


@pytest.mark.parametrize("name", ["Segmenter", "detect_script", "segment", "segment_many"])
def test_the_flat_api_takes_them_from_the_sub_package(name):
    assert getattr(analysis, name) is getattr(segmentation, name)
