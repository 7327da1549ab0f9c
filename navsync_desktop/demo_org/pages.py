"""HTML pages a browser sees in the demo org, rendered from plain data (no requests, no transport).

Jinja2 templates from the templates folder, autoescaped: every value is escaped, whatever the
record holds. Plain HTML without JavaScript. Handlers decide where a page is served from and with
which status and headers.
"""

from __future__ import annotations

from importlib import resources
from urllib.parse import urlsplit

from jinja2 import Environment, FunctionLoader, StrictUndefined

from .page_format import PageFormat
from .page_language import LOGIN_TEXT, PAGE_TEXT, scenario_summary
from .record_data import RecentRecord, RecordView, Shown
from .scenarios import DEMO_PASSWORD, Scenario


def _template_source(name: str) -> str:
    # read through importlib.resources, which also works in the frozen build
    return resources.files(__package__).joinpath("templates", name).read_text("utf-8")


_PAGES = Environment(
    loader=FunctionLoader(_template_source),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def _is_web_address(value: object) -> bool:
    """Only http(s) addresses become links: a record may hold ``javascript:`` too."""
    return isinstance(value, str) and urlsplit(value).scheme.lower() in ("http", "https")


_PAGES.tests["web_address"] = _is_web_address


def value_text(fmt: PageFormat, shown: Shown) -> str:
    """A value as text in the page's language."""
    value = shown.value
    if shown.kind == "date":
        return fmt.date(str(value))
    if shown.kind == "datetime":
        return fmt.datetime(str(value))
    if shown.kind == "money":
        return fmt.money(float(value))
    if shown.kind in ("number", "percent"):
        number = float(value)
        text = fmt.number(number, 0 if number.is_integer() else 2)
        if shown.kind == "percent":
            text += " %" if fmt.language == "de" else "%"  # as each language writes it
        return text
    if shown.kind == "yes_no":
        return fmt.yes_no(bool(value))
    return str(value)


_PAGES.globals["value_text"] = value_text


def _render(template: str, language: str, **context: object) -> str:
    return _PAGES.get_template(template).render(lang=language, t=PAGE_TEXT[language], **context)


def message_page(title: str, *paragraphs: str, language: str = "en") -> str:
    """A page that says one thing, e.g. why the browser is not logged in."""
    return _render("message.html", language, title=title, paragraphs=paragraphs, home=False)


def not_found_page(language: str) -> str:
    words = PAGE_TEXT[language]
    return _render(
        "message.html",
        language,
        title=words["not_found"],
        paragraphs=(words["not_found_text"],),
        home=True,
    )


def home_page(
    *,
    user: dict,
    organization: dict,
    scenario: Scenario,
    recent: list[RecentRecord],
    fmt: PageFormat,
) -> str:
    """Who is logged in to which org, the scenario, and recently modified records."""
    return _render(
        "home.html",
        fmt.language,
        user=user,
        organization=organization,
        scenario=scenario,
        summary=scenario_summary(scenario.name, scenario.summary, fmt.language),
        recent=recent,
        fmt=fmt,
    )


def record_page(view: RecordView, *, user: dict, organization: dict, fmt: PageFormat) -> str:
    """A record as Salesforce's record page shows it: its details, then its related lists."""
    return _render(
        "record.html", fmt.language, view=view, user=user, organization=organization, fmt=fmt
    )


def login_page(*, start_url: str, **login: object) -> str:
    """The demo org's own login (username and password), as at Salesforce's login URL."""
    return _render_login("login.html", start_url=start_url, **login)


def authorize_page(*, hidden: dict[str, str], client_name: str, scope: str, **login: object) -> str:
    """The OAuth login and consent page; ``hidden`` carries the flow's parameters."""
    return _render_login(
        "authorize.html", hidden=hidden, client_name=client_name, scope=scope, **login
    )


def _render_login(
    template: str,
    *,
    language: str,
    scenario: Scenario,
    users: list[dict],
    username: str,
    error: str | None = None,
    **context: object,
) -> str:
    """A login form prefilled for the scenario's user; ``error`` names a text of its words."""
    return _render(
        template,
        language,
        words=LOGIN_TEXT[language],
        scenario=scenario,
        summary=scenario_summary(scenario.name, scenario.summary, language),
        users=users,
        username=username,
        password=DEMO_PASSWORD,
        error=error,
        **context,
    )
