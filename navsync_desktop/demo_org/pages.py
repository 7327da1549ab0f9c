"""HTML pages a browser sees in the demo org, rendered from plain data (no requests, no transport).

Plain HTML without JavaScript; every value is escaped. Handlers decide where a page is served
from and with which status and headers.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from importlib import resources
from string import Template

from .scenarios import Scenario


def load_template(name: str) -> Template:
    """A page template from the templates folder ($name placeholders)."""
    return Template(resources.files(__package__).joinpath("templates", name).read_text("utf-8"))


_HOME = load_template("home.html")
_MESSAGE = load_template("message.html")


@dataclass(frozen=True)
class RecentRecord:
    sobject_label: str
    name: str
    last_modified: str  # Salesforce datetime text


def home_page(
    *, user: dict, organization: dict, scenario: Scenario, recent: list[RecentRecord]
) -> str:
    """Who is logged in to which org, the scenario, and recently modified records."""
    rows = "\n".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(value)}</td>"
            for value in (record.sobject_label, record.name, _day_and_time(record.last_modified))
        )
        + "</tr>"
        for record in recent
    )
    return _HOME.substitute(
        org_name=html.escape(organization["Name"]),
        org_id=html.escape(organization["Id"]),
        edition=html.escape(organization.get("OrganizationType") or ""),
        user_name=html.escape(user["Name"]),
        username=html.escape(user["Username"]),
        scenario=html.escape(scenario.name),
        summary=html.escape(scenario.summary),
        rows=rows,
    )


def message_page(title: str, *paragraphs: str) -> str:
    """A page that says one thing, e.g. why the browser is not logged in."""
    body = "\n".join(f"<p>{html.escape(text)}</p>" for text in paragraphs)
    return _MESSAGE.substitute(title=html.escape(title), paragraphs=body)


def _day_and_time(moment: str) -> str:
    """2026-11-26T10:00:00.000+0000 -> 2026-11-26 10:00 UTC."""
    return f"{moment[:10]} {moment[11:16]} UTC" if len(moment) >= 16 else moment
