"""Each controlled vocabulary is declared twice in smartschool/vocabulary.py, as a `Literal` type (what the models
accept, for msgspec and mypy) and as a dict of labels (what the pages show): the two must hold the same keys in the
same order, or a value would validate without a label, or a label would never be accepted."""

from __future__ import annotations

from typing import get_args

import pytest

from smartschool import vocabulary

PAIRS = [
    (vocabulary.Audience, vocabulary.AUDIENCES),
    (vocabulary.Method, vocabulary.METHODS),
    (vocabulary.EventStatus, vocabulary.EVENT_STATUSES),
    (vocabulary.Track, vocabulary.TRACKS),
]


@pytest.mark.parametrize(("kind", "labels"), PAIRS, ids=["audience", "method", "event status", "track"])
def test_each_vocabulary_type_accepts_exactly_the_keys_that_have_labels(kind: object, labels: dict[str, str]) -> None:
    assert get_args(kind) == tuple(labels)


def test_every_track_audience_is_an_audience() -> None:
    for track, audiences in vocabulary.TRACK_AUDIENCES.items():
        assert track in get_args(vocabulary.Track)
        assert set(audiences) <= set(get_args(vocabulary.Audience)), track
