"""Step 1: the prerequisites on this computer and in the Sales Navigator contract."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWizardPage

from navsync_desktop.engine.checks import Status
from navsync_desktop.engine.prerequisites import (
    CONTRACT_LABELS,
    CONTRACT_SETTING,
    SEAT_LABELS,
    SEAT_SETTING,
    declared_contract_and_seat,
    local_checks,
)
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.i18n import translate
from navsync_desktop.gui.widgets.check_list import CheckList
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store import settings


class PrerequisitesPage(QWizardPage):
    def __init__(self, app_state: AppState) -> None:
        super().__init__()
        self.store = store = app_state.store
        self.setTitle(self.tr("Prerequisites"))
        self.setSubTitle(
            self.tr("Tell us about your Sales Navigator contract; this computer is checked too.")
        )
        contract, seat = declared_contract_and_seat(store)
        self.contract_box = self._choice(CONTRACT_LABELS, contract, self.tr("Choose the edition…"))
        self.seat_box = self._choice(SEAT_LABELS, seat, self.tr("Choose your seat…"))
        form = QFormLayout()
        form.addRow(self.tr("Sales Navigator &contract:"), self.contract_box)
        form.addRow(self.tr("Your &seat:"), self.seat_box)
        self.busy_label = QLabel(self.tr("Checking…"))
        self.checks = CheckList(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.checks, 1)
        self.contract_box.currentIndexChanged.connect(self._declared_changed)
        self.seat_box.currentIndexChanged.connect(self._declared_changed)
        self._job = None

    def _choice(self, labels, current: str | None, prompt: str) -> QComboBox:
        box = QComboBox(self)
        box.addItem(prompt, None)
        for value, label in labels.items():
            box.addItem(translate(label), value.value)
        box.setCurrentIndex(max(0, box.findData(current)))
        return box

    def initializePage(self) -> None:
        self.run_checks()

    def _declared_changed(self) -> None:
        settings.put(self.store, CONTRACT_SETTING, self.contract_box.currentData())
        settings.put(self.store, SEAT_SETTING, self.seat_box.currentData())
        self.run_checks()

    def run_checks(self) -> None:
        contract, seat = self.contract_box.currentData(), self.seat_box.currentData()
        self.busy_label.show()
        job = run_job(lambda _report: local_checks(contract, seat), self)
        job.succeeded.connect(lambda results: self._show_results(job, results))
        self._job = job
        self.completeChanged.emit()

    def _show_results(self, job, results) -> None:
        if job is not self._job:
            return  # the choices changed while it ran; a newer run is on its way
        self.busy_label.hide()
        self.checks.set_results(results)
        self._job = None
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (
            self._job is None
            and bool(self.checks.results)
            and all(result.status is not Status.FAIL for result in self.checks.results)
        )
