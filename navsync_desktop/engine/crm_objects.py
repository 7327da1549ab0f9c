"""What the CRM sync reads: per sObject, the fields behind the local table's columns.

Only fields the org's describe lists are queried; a column whose field the org lacks stays
NULL (e.g. the LinkedIn package's fields when it is not installed). Keys for matching are
computed locally from other columns as the rows are read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from navsync_desktop.store.crm_records import TABLES
from navsync_desktop.store.match_keys import company_key, name_key, profile_key, web_domain

WON_VALUE = "<won value field>"  # stands for the Opportunity field chosen in the CRM settings


@dataclass(frozen=True)
class Mapped:
    """A column read from a Salesforce field (a path like ``Profile.Name`` follows a lookup)."""

    column: str
    field: str


@dataclass(frozen=True)
class Derived:
    """A column computed from other columns (a matching key of ``store.match_keys``)."""

    column: str
    function: Callable[..., str | None]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class CrmObject:
    sobject: str
    columns: tuple[Mapped, ...]
    derived: tuple[Derived, ...] = ()
    # Small objects without deletions in the recycle bin (or without queryAll): read whole
    # every run, which also catches hard deletes.
    read_in_full: bool = False
    # Person accounts (and their contacts) are excluded where the org has them.
    excludes_person_accounts: bool = False

    @property
    def table(self) -> str:
        return TABLES[self.sobject]

    @property
    def all_columns(self) -> tuple[Mapped, ...]:
        return (Mapped("id", "Id"), *self.columns, Mapped("system_modstamp", "SystemModstamp"))


_PERSON = (
    Mapped("first_name", "FirstName"),
    Mapped("last_name", "LastName"),
    Mapped("email", "Email"),
    Mapped("title", "Title"),
    Mapped("owner_id", "OwnerId"),
    Mapped("linkedin_profile_url", "LinkedIn_Profile_URL__c"),
    Mapped("linkedin_member_token", "LID__LinkedIn_Member_Token__c"),
)
_PERSON_KEYS = (
    Derived("name_key", name_key, ("first_name", "last_name")),
    Derived("linkedin_profile_key", profile_key, ("linkedin_profile_url",)),
)

OBJECTS: tuple[CrmObject, ...] = (
    CrmObject(
        "Contact",
        (Mapped("account_id", "AccountId"), *_PERSON),
        _PERSON_KEYS,
        excludes_person_accounts=True,
    ),
    CrmObject(
        "Lead",
        (
            Mapped("company", "Company"),
            Mapped("is_converted", "IsConverted"),
            *_PERSON,
        ),
        (*_PERSON_KEYS, Derived("company_key", company_key, ("company",))),
    ),
    CrmObject(
        "Account",
        (
            Mapped("name", "Name"),
            Mapped("owner_id", "OwnerId"),
            Mapped("parent_id", "ParentId"),
            Mapped("website", "Website"),
            Mapped("industry", "Industry"),
            Mapped("linkedin_company_id", "LID__LinkedIn_Company_Id__c"),
        ),
        (
            Derived("company_key", company_key, ("name",)),
            Derived("website_domain", web_domain, ("website",)),
        ),
        excludes_person_accounts=True,
    ),
    CrmObject(
        "OpportunityContactRole",
        (
            Mapped("opportunity_id", "OpportunityId"),
            Mapped("contact_id", "ContactId"),
            Mapped("role", "Role"),
            Mapped("is_primary", "IsPrimary"),
        ),
    ),
    CrmObject(
        "Opportunity",
        (
            Mapped("name", "Name"),
            Mapped("account_id", "AccountId"),
            Mapped("owner_id", "OwnerId"),
            Mapped("stage_name", "StageName"),
            Mapped("amount", "Amount"),
            Mapped("won_value", WON_VALUE),
            Mapped("close_date", "CloseDate"),
            Mapped("is_closed", "IsClosed"),
            Mapped("is_won", "IsWon"),
        ),
    ),
    CrmObject(
        "User",
        (
            Mapped("name", "Name"),
            Mapped("first_name", "FirstName"),
            Mapped("last_name", "LastName"),
            Mapped("email", "Email"),
            Mapped("username", "Username"),
            Mapped("is_active", "IsActive"),
            Mapped("user_role_id", "UserRoleId"),
            Mapped("profile_name", "Profile.Name"),
            Mapped("title", "Title"),
        ),
        read_in_full=True,
    ),
    CrmObject(
        "UserRole",
        (
            Mapped("name", "Name"),
            Mapped("developer_name", "DeveloperName"),
            Mapped("parent_role_id", "ParentRoleId"),
        ),
        read_in_full=True,
    ),
    CrmObject(
        "OpportunityStage",
        (
            Mapped("label", "MasterLabel"),
            Mapped("api_name", "ApiName"),
            Mapped("sort_order", "SortOrder"),
            Mapped("is_active", "IsActive"),
            Mapped("is_closed", "IsClosed"),
            Mapped("is_won", "IsWon"),
        ),
        read_in_full=True,
    ),
)
BY_NAME = {obj.sobject: obj for obj in OBJECTS}
