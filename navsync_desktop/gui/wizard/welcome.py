"""Welcome: what the wizard will do, how long it takes, and which org to use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWizardPage


class WelcomePage(QWizardPage):
    def __init__(self, *, demo: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("Set up CRM sync with Salesforce"))
        self.setSubTitle(self.tr("Time needed: less than 30 minutes"))
        steps = [
            self.tr("Check the prerequisites on this computer"),
            self.tr("Connect Sales Navigator to your Salesforce org"),
            self.tr("Check that the org is ready for CRM sync"),
            self.tr("Answer three questions about your sales process (CRM settings)"),
            self.tr("Sync your CRM data to this computer: it starts right after connecting"),
        ]
        intro = QLabel(
            self.tr(
                "This wizard connects Sales Navigator with Salesforce: CRM data is synced to "
                "this computer, and your seat holders' InMails, messages, notes and calls are "
                "written back to Salesforce as activities."
            )
        )
        intro.setWordWrap(True)
        step_list = QLabel("<ol>" + "".join(f"<li>{step}</li>" for step in steps) + "</ol>")
        step_list.setTextFormat(Qt.TextFormat.RichText)
        self.real_org = QRadioButton(self.tr("&Connect to your Salesforce org"))
        self.demo_org = QRadioButton(
            self.tr("Try the &demo org (runs on this computer, no Salesforce account needed)")
        )
        choice = QButtonGroup(self)
        choice.addButton(self.real_org)
        choice.addButton(self.demo_org)
        self.choose_demo(demo)
        self.registerField("demo", self.demo_org)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(step_list)
        layout.addWidget(self.real_org)
        layout.addWidget(self.demo_org)
        layout.addStretch(1)

    def choose_demo(self, demo: bool) -> None:
        (self.demo_org if demo else self.real_org).setChecked(True)
