"""Step 4 of the guide, the CRM settings: their keys, defaults, and the choices the org offers.

"Not Sure" never breaks anything: with it, every open opportunity counts, and the won value is
the standard Amount field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from navsync_desktop.store import Store, settings, sync_state

if TYPE_CHECKING:  # the settings commands load no Salesforce client unless they need the org
    from navsync_desktop.salesforce.session import SalesforceSession

AUTO_SYNC_ALL_SEATS = "crm.auto_sync_all_seats"
PIPELINE_STAGE = "crm.pipeline_stage"
WON_VALUE_FIELD = "crm.won_value_field"
NOT_SURE = "not_sure"
DEFAULT_WON_VALUE_FIELD = "Amount"  # the standard field, when the admin is not sure

_STAGES_SOQL = (
    "SELECT ApiName, MasterLabel, SortOrder FROM OpportunityStage "
    "WHERE IsActive = true AND IsClosed = false ORDER BY SortOrder"
)


@dataclass(frozen=True)
class StageChoice:
    api_name: str  # what Opportunity.StageName holds
    label: str
    sort_order: int


@dataclass(frozen=True)
class FieldChoice:
    name: str
    label: str


@dataclass(frozen=True)
class CrmChoices:
    """What the org offers for the two org-dependent questions (Not Sure comes on top)."""

    stages: tuple[StageChoice, ...]  # the active open stages, in the org's sort order
    currency_fields: tuple[FieldChoice, ...]  # Opportunity's currency fields

    @property
    def known(self) -> bool:
        return bool(self.stages or self.currency_fields)


def auto_sync_all_seats(store: Store) -> bool:
    return bool(settings.get(store, AUTO_SYNC_ALL_SEATS, True))


def pipeline_stage(store: Store) -> str:
    return settings.get(store, PIPELINE_STAGE, NOT_SURE)


def won_value_field(store: Store) -> str:
    """The Opportunity field that holds a won opportunity's value (Amount when not sure)."""
    chosen = settings.get(store, WON_VALUE_FIELD, NOT_SURE)
    return DEFAULT_WON_VALUE_FIELD if chosen == NOT_SURE else chosen


def synced_choices(store: Store) -> CrmChoices:
    """The choices as of the last sync (stages and Opportunity's describe)."""
    rows = store.connection.execute(
        "SELECT api_name, label, sort_order FROM crm_opportunity_stage "
        "WHERE is_active = 1 AND is_closed = 0 ORDER BY sort_order, label"
    )
    stages = tuple(StageChoice(row[0], row[1], row[2]) for row in rows)
    state = sync_state.load(store, "Opportunity")
    fields = state.fields if state else {}
    return CrmChoices(stages, _currency_fields(fields))


def org_choices(session: SalesforceSession) -> CrmChoices:
    """The choices read from the org itself (before the first sync: 2 API requests)."""
    stages = tuple(
        StageChoice(row["ApiName"], row["MasterLabel"], row["SortOrder"])
        for row in session.query_all(_STAGES_SOQL)
    )
    describe = session.describe("Opportunity")
    fields = {field["name"]: [field["type"], field["label"]] for field in describe["fields"]}
    return CrmChoices(stages, _currency_fields(fields))


def choices(
    store: Store, open_session: Callable[[], SalesforceSession] | None = None
) -> CrmChoices:
    """From the synced data when there is some, else from the org (when a session can be
    opened)."""
    synced = synced_choices(store)
    if synced.known or open_session is None:
        return synced
    with open_session() as session:
        return org_choices(session)


def _currency_fields(fields: dict[str, list[str]]) -> tuple[FieldChoice, ...]:
    currency = [
        FieldChoice(name, label) for name, (kind, label) in fields.items() if kind == "currency"
    ]
    # Amount first (the standard field), then by label
    return tuple(sorted(currency, key=lambda f: (f.name != DEFAULT_WON_VALUE_FIELD, f.label)))
