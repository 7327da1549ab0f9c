"""The guide's three CRM settings: the questions with its explanations, the choices the org
offers (its opportunity stages in their order, Opportunity's currency fields), and Not Sure,
which never breaks anything. The wizard's "CRM settings" page and the main window's Change…
dialog show this one form; it saves through ``settings_catalog.change`` like the CLI."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from navsync_desktop.engine import autosave, crm_settings, settings_catalog
from navsync_desktop.engine.crm_settings import (
    AUTO_SYNC_ALL_SEATS,
    NOT_SURE,
    PIPELINE_STAGE,
    WON_VALUE_FIELD,
    CrmChoices,
)
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.colours import Tone, tone_style
from navsync_desktop.gui.i18n import describe_error
from navsync_desktop.gui.widgets.wrapped_label import wrapped_label
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store import Store, settings
from navsync_desktop.store.connection import ConnectionState


def _question_label(text: str, parent: QWidget) -> QLabel:
    label = wrapped_label(text, parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    label.setStyleSheet("font-weight: bold;")
    return label


def current_answers(store: Store) -> dict[str, str]:
    """The stored answers as ``settings_catalog.change`` takes them."""
    return {
        AUTO_SYNC_ALL_SEATS: "yes" if crm_settings.auto_sync_all_seats(store) else "no",
        PIPELINE_STAGE: crm_settings.pipeline_stage(store),
        WON_VALUE_FIELD: settings.get(store, WON_VALUE_FIELD, NOT_SURE),
    }


def save_answers(store: Store, answers: dict[str, str], offered: CrmChoices) -> bool:
    """Checks and keeps the answers (on a worker: recomputing the saved lists may take a
    moment on a large org); True when something changed."""
    before = current_answers(store)
    for key, value in answers.items():
        settings_catalog.change(store, key, value, lambda: offered)
    changed = current_answers(store) != before
    if changed:
        autosave.recompute(store)
    return changed


def choice_text(api_name: str, label: str) -> str:
    return label if label == api_name else f"{label} ({api_name})"


class CrmSettingsForm(QWidget):
    """``load()`` reads the choices (from the synced data, or the org before the first sync);
    ``save()`` keeps the answers. Both run as jobs; errors show in the form, in one line."""

    ready_changed = Signal()
    saved = Signal()

    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self.choices: CrmChoices | None = None
        self._job = None

        self.auto_sync_box = QGroupBox(self)
        self.yes = QRadioButton(self.tr("&Yes (recommended)"), self.auto_sync_box)
        self.no = QRadioButton(self.tr("N&o"), self.auto_sync_box)
        answer = QButtonGroup(self)
        answer.addButton(self.yes)
        answer.addButton(self.no)
        buttons = QHBoxLayout()
        buttons.addWidget(self.yes)
        buttons.addWidget(self.no)
        buttons.addStretch(1)
        auto_layout = QVBoxLayout(self.auto_sync_box)
        auto_layout.addWidget(
            _question_label(
                self.tr("Auto sync all seat holders with CRM (Salesforce)?"), self.auto_sync_box
            )
        )
        auto_layout.addLayout(buttons)
        auto_layout.addWidget(
            wrapped_label(
                self.tr(
                    "This setting is optional, but we recommend Yes so that your team gets the "
                    "most out of it. If you choose No, or want to adjust the sync for single seat "
                    "holders, use the Seats tab of the main window (seat management)."
                ),
                self.auto_sync_box,
            )
        )

        self.stage = QComboBox(self)
        self.stage.setAccessibleName(self.tr("Pipeline stage"))
        self.stage_box = self._question(
            self.tr(
                "At which &stage does your sales team consider an opportunity to enter your "
                "pipeline?"
            ),
            self.stage,
            self.tr(
                "The stages offered here depend on your CRM settings. Choosing Not Sure does "
                "not affect how it works: all open opportunities are still used."
            ),
        )
        self.won_value = QComboBox(self)
        self.won_value.setAccessibleName(self.tr("Field for the value of a won opportunity"))
        self.won_value_box = self._question(
            self.tr("Where do you store the &value for a won opportunity?"),
            self.won_value,
            self.tr(
                "The fields offered here depend on your CRM settings. Choosing Not Sure does "
                "not affect how it works: the standard field Amount is used."
            ),
        )
        explanation = wrapped_label(
            self.tr(
                "For the owner of an opportunity, NavSync Desktop saves the CRM accounts and "
                "contacts of every open opportunity that has reached the stage chosen above, or "
                "gone past it (the lists “My CRM Accounts” and “My CRM Leads and Contacts”). The "
                "admin sets this stage for all Sales Navigator seat holders."
            ),
            self,
        )
        self.busy_label = QLabel(self.tr("Reading the choices your org offers…"), self)
        self.error_label = wrapped_label(parent=self)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet(tone_style(Tone.ERROR))
        self.error_label.hide()
        self.retry_button = QPushButton(self.tr("&Read the choices again"), self)
        self.retry_button.clicked.connect(self.load)
        self.retry_button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.auto_sync_box, self.stage_box, self.won_value_box, explanation):
            layout.addWidget(widget)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._set_enabled(False)

    def _question(self, question: str, combo: QComboBox, note: str) -> QGroupBox:
        box = QGroupBox(self)
        label = _question_label(question, box)
        label.setBuddy(combo)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(16)
        layout = QFormLayout(box)
        layout.addRow(label)
        layout.addRow(combo)
        layout.addRow(wrapped_label(note, box))
        return box

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.auto_sync_box, self.stage_box, self.won_value_box):
            widget.setEnabled(enabled)

    # loading

    def is_ready(self) -> bool:
        return self.choices is not None and self._job is None

    def load(self) -> None:
        if self._job is not None:
            return
        store, manager = self.app_state.store, self.app_state.manager
        live = manager.state in (ConnectionState.CONNECTED, ConnectionState.SYNCING)
        self.busy_label.show()
        self.error_label.hide()
        self.retry_button.hide()
        job = run_job(
            lambda _report: crm_settings.choices(store, manager.open_session if live else None),
            self,
        )
        self.app_state.watch(job)
        job.succeeded.connect(self._show_choices)
        job.failed.connect(self._show_load_error)
        job.done.connect(self._job_done)
        self._job = job
        self.ready_changed.emit()

    def _show_choices(self, choices: CrmChoices) -> None:
        self.choices = choices
        answers = current_answers(self.app_state.store)
        (self.yes if answers[AUTO_SYNC_ALL_SEATS] == "yes" else self.no).setChecked(True)
        not_sure = self.tr("Not Sure")
        self.stage.clear()
        for stage in choices.stages:
            self.stage.addItem(choice_text(stage.api_name, stage.label), stage.api_name)
        self.stage.addItem(not_sure, NOT_SURE)
        self.won_value.clear()
        for field in choices.currency_fields:
            self.won_value.addItem(choice_text(field.name, field.label), field.name)
        self.won_value.addItem(not_sure, NOT_SURE)
        for combo, key in ((self.stage, PIPELINE_STAGE), (self.won_value, WON_VALUE_FIELD)):
            found = combo.findData(answers[key])
            combo.setCurrentIndex(found if found >= 0 else combo.findData(NOT_SURE))
        self._set_enabled(True)

    def _show_load_error(self, error: Exception) -> None:
        self._show_error(describe_error(error))
        self.retry_button.show()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

    def _job_done(self) -> None:
        self._job = None
        self.busy_label.hide()
        self._set_enabled(self.choices is not None)
        self.ready_changed.emit()

    # saving

    def answers(self) -> dict[str, str]:
        return {
            AUTO_SYNC_ALL_SEATS: "yes" if self.yes.isChecked() else "no",
            PIPELINE_STAGE: self.stage.currentData(),
            WON_VALUE_FIELD: self.won_value.currentData(),
        }

    def save(self) -> None:
        """Keeps the answers; ``saved`` follows, or the reason shows in the form."""
        if not self.is_ready():
            return
        store, answers, offered = self.app_state.store, self.answers(), self.choices
        self.error_label.hide()
        self._set_enabled(False)
        job = run_job(lambda _report: save_answers(store, answers, offered), self)
        job.succeeded.connect(lambda _changed: self.saved.emit())
        job.failed.connect(lambda error: self._show_error(describe_error(error)))
        job.done.connect(self._job_done)
        self._job = job
        self.ready_changed.emit()


class CrmAnswersView(QWidget):
    """The three answers as they stand, for the main window's CRM settings tab and the
    wizard's summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # answers under
        # their questions: long German questions leave the answers room
        self.auto_sync = wrapped_label(parent=self)
        self.stage = wrapped_label(parent=self)
        self.won_value = wrapped_label(parent=self)
        for question, answer in (
            (self.tr("Auto sync all seat holders with CRM?"), self.auto_sync),
            (self.tr("Stage at which an opportunity enters the pipeline:"), self.stage),
            (self.tr("Value of a won opportunity:"), self.won_value),
        ):
            label = _question_label(question, self)
            label.setWordWrap(False)  # a wrapped label in a form is squeezed to a few words
            self._form.addRow(label, answer)

    def show_answers(self, store: Store, choices: CrmChoices) -> None:
        answers = current_answers(store)
        self.auto_sync.setText(
            self.tr("Yes: every seat holder is synced")
            if answers[AUTO_SYNC_ALL_SEATS] == "yes"
            else self.tr("No: each seat holder's own switch on the Seats tab decides")
        )
        stages = {stage.api_name: stage.label for stage in choices.stages}
        fields = {field.name: field.label for field in choices.currency_fields}
        for label, chosen, offered, not_sure in (
            (
                self.stage,
                answers[PIPELINE_STAGE],
                stages,
                self.tr("Not Sure: every open opportunity counts"),
            ),
            (
                self.won_value,
                answers[WON_VALUE_FIELD],
                fields,
                self.tr("Not Sure: the standard field Amount is used"),
            ),
        ):
            label.setText(
                not_sure if chosen == NOT_SURE else choice_text(chosen, offered.get(chosen, chosen))
            )
