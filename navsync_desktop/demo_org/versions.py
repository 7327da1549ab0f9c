"""The API versions the demo org serves: every one from 31.0 up to the current release.

Salesforce raises the API version by one with each release, three releases a year: Spring
(February), Summer (June) and Winter (October, named after the following year). Spring '25 was
63.0, so on 2026-11-27 the current release is Winter '27, 68.0. Raise ``CURRENT`` by one with
each release; the labels follow from it.
"""

from __future__ import annotations

from werkzeug.wrappers import Request, Response

from .wire import json_response

OLDEST = 31  # Summer '14: the oldest version Salesforce still serves
CURRENT = 68  # Winter '27
_ANCHOR_VERSION, _ANCHOR_YEAR = 63, 25  # Spring '25
_SEASONS = ("Spring", "Summer", "Winter")


def release_label(major: int) -> str:
    """The release name of an API version, e.g. 62 -> "Winter '25"."""
    years, season = divmod(major - _ANCHOR_VERSION, len(_SEASONS))
    year = _ANCHOR_YEAR + years + (1 if _SEASONS[season] == "Winter" else 0)
    return f"{_SEASONS[season]} '{year % 100:02d}"


# (version, release label), oldest first, as GET /services/data/ lists them.
API_VERSIONS = tuple((f"{major}.0", release_label(major)) for major in range(OLDEST, CURRENT + 1))
SUPPORTED_VERSIONS = frozenset(version for version, _ in API_VERSIONS)
LATEST_VERSION = API_VERSIONS[-1][0]


def versions(_request: Request) -> Response:
    """GET /services/data/: public, as on Salesforce."""
    return json_response(
        [
            {"label": label, "url": f"/services/data/v{version}", "version": version}
            for version, label in API_VERSIONS
        ]
    )
