"""Step 6 of the guide, activity write-back: "Enable Sales Navigator data to sync back to your
CRM?" and which items go back. The wizard's "Activity write-back" page and the main window's
CRM settings tab show this one form. Each change is kept at once, through
``settings_catalog.change`` like the CLI's ``settings set``.

Write-back needs Modify All Data: ``load()`` asks the org (when connected) and the form says
why write-back is unavailable when the connected user lacks it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from navsync_desktop.engine import settings_catalog, writeback_settings
from navsync_desktop.engine.writeback import check_permission
from navsync_desktop.gui.app_state import AppState
from navsync_desktop.gui.colours import Tone, tone_style
from navsync_desktop.gui.i18n import describe_error, translate
from navsync_desktop.gui.widgets.wrapped_label import wrapped_label
from navsync_desktop.gui.worker import run_job
from navsync_desktop.store import Store
from navsync_desktop.store.activities import KINDS
from navsync_desktop.store.connection import ConnectionState


def _ask_the_org(store: Store, manager) -> bool | None:
    """Whether the connected user has Modify All Data (asked now, and kept), or what the
    org said last time when not connected."""
    if manager.state not in (ConnectionState.CONNECTED, ConnectionState.SYNCING):
        return writeback_settings.modify_all_data(store)
    with manager.open_session() as session:
        return check_permission(store, session)


def save_writeback(store: Store, enabled: bool, kinds: list[str]) -> None:
    """Keeps both settings as ``settings set`` does (so they are checked the same way)."""
    settings_catalog.change(store, writeback_settings.ENABLED, "yes" if enabled else "no")
    settings_catalog.change(store, writeback_settings.KINDS_SETTING, ",".join(kinds))


class WritebackSettingsForm(QWidget):
    """``load()`` shows the stored settings and checks the permission; every click is saved
    (one save at a time, the latest choice last); ``saved`` follows each save."""

    saved = Signal()

    def __init__(self, app_state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app_state = app_state
        self._loading = None
        self._saving = None
        self._save_again = False
        self._showing = False  # while the stored values are put into the boxes

        self.unavailable_label = wrapped_label("", self)
        self.unavailable_label.setObjectName("unavailable")
        self.unavailable_label.setStyleSheet(tone_style(Tone.ERROR))
        self.unavailable_label.hide()
        self.busy_label = QLabel(self.tr("Checking the connected user's permissions…"), self)
        self.busy_label.hide()

        self.question_box = QGroupBox(self)
        self.question = wrapped_label(
            self.tr("Enable Sales Navigator data to sync back to your CRM?"), self.question_box
        )
        self.question.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.question.setStyleSheet("font-weight: bold;")
        self.enable = QCheckBox(self.tr("Enable &write-back (recommended)"), self.question_box)
        explanation = wrapped_label(
            self.tr(
                "Optional, but strongly recommended to get the most out of the sync: InMails, "
                "messages, notes and calls of your seat holders are saved as activities in "
                "your CRM (InMails, messages and calls under Past Activities of the matched "
                "contact or lead, notes under Notes & Attachments). Calls are only those "
                "started in the Sales Navigator app."
            ),
            self.question_box,
        )
        question_layout = QVBoxLayout(self.question_box)
        question_layout.addWidget(self.question)
        question_layout.addWidget(self.enable)
        question_layout.addWidget(explanation)

        self.items_box = QGroupBox(self.tr("Items to sync back"), self)
        self.all_items = QCheckBox(self.tr("Sync back all &data items"), self.items_box)
        self.all_items.setTristate(True)
        self.kind_boxes: dict[str, QCheckBox] = {}
        items_layout = QVBoxLayout(self.items_box)
        items_layout.addWidget(self.all_items)
        kinds_layout = QVBoxLayout()
        kinds_layout.setContentsMargins(20, 0, 0, 0)  # under the check-all
        items_layout.addLayout(kinds_layout)
        for kind in KINDS:
            box = QCheckBox(self._kind_text(kind), self.items_box)
            box.setObjectName(f"kind-{kind}")
            self.kind_boxes[kind] = box
            kinds_layout.addWidget(box)
        self.error_label = wrapped_label("", self)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet(tone_style(Tone.ERROR))
        self.error_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.unavailable_label)
        layout.addWidget(self.busy_label)
        layout.addWidget(self.question_box)
        layout.addWidget(self.items_box)
        layout.addWidget(self.error_label)

        self.enable.toggled.connect(self._changed)
        self.all_items.clicked.connect(self._all_clicked)
        for box in self.kind_boxes.values():
            box.toggled.connect(self._changed)
        self.show_stored()

    def _kind_text(self, kind: str) -> str:
        """The kind's name with a mnemonic."""
        return {
            "inmail": self.tr("&InMails"),
            "message": self.tr("&Messages"),
            "note": self.tr("Note&s"),
            "call": self.tr("&Calls"),
        }[kind]

    # the stored settings and the permission

    def load(self) -> None:
        """Shows the stored settings, then asks the org for Modify All Data."""
        self.show_stored()
        if self._loading is not None:
            return
        store, manager = self.app_state.store, self.app_state.manager
        self.busy_label.show()
        job = self.app_state.watch(run_job(lambda _report: _ask_the_org(store, manager), self))
        job.failed.connect(lambda error: self._show_error(describe_error(error)))
        job.done.connect(self._loaded)
        self._loading = job

    def _loaded(self) -> None:
        self._loading = None
        self.busy_label.hide()
        self.show_stored()
        # the org's answer is kept in the store: every view that offers write-back (the
        # Activities tab's Copy to CRM) looks again
        self.app_state.refresh()

    def show_stored(self) -> None:
        store = self.app_state.store
        self._showing = True
        self.enable.setChecked(writeback_settings.enabled(store))
        chosen = writeback_settings.kinds(store)
        for kind, box in self.kind_boxes.items():
            box.setChecked(kind in chosen)
        self._showing = False
        refusal = writeback_settings.refusal(store)
        unavailable = refusal is writeback_settings.NO_MODIFY_ALL_DATA
        self.unavailable_label.setText(translate(refusal) if unavailable else "")
        self.unavailable_label.setVisible(unavailable)
        self.enable.setEnabled(not unavailable)
        self._update_items()

    def _update_items(self) -> None:
        self.items_box.setEnabled(self.enable.isEnabled() and self.enable.isChecked())
        ticked = len(self.checked_kinds())
        if ticked == len(self.kind_boxes):
            state = Qt.CheckState.Checked
        elif ticked:
            state = Qt.CheckState.PartiallyChecked
        else:
            state = Qt.CheckState.Unchecked
        self.all_items.setCheckState(state)

    # changes, kept at once

    def checked_kinds(self) -> list[str]:
        return [kind for kind, box in self.kind_boxes.items() if box.isChecked()]

    def _all_clicked(self) -> None:
        """The check-all: from all ticked to none, from anything else to all."""
        everything = len(self.checked_kinds()) < len(self.kind_boxes)
        self._showing = True
        for box in self.kind_boxes.values():
            box.setChecked(everything)
        self._showing = False
        self._changed()

    def _changed(self) -> None:
        if self._showing:
            return
        if not self.checked_kinds():  # refused: the boxes go back to what is kept
            self.show_stored()
            self._show_error(
                self.tr("Choose at least one item to sync back, or turn write-back off.")
            )
            return
        self._update_items()
        self.error_label.hide()
        self._save()

    def _save(self) -> None:
        if self._saving is not None:
            self._save_again = True  # saved once this save is done: the latest choice wins
            return
        store, enabled, kinds = self.app_state.store, self.enable.isChecked(), self.checked_kinds()
        job = run_job(lambda _report: save_writeback(store, enabled, kinds), self)
        job.succeeded.connect(lambda _result: self.saved.emit())
        job.failed.connect(lambda error: self._show_error(describe_error(error)))
        job.done.connect(self._save_done)
        self._saving = job

    def _save_done(self) -> None:
        self._saving = None
        if self._save_again:
            self._save_again = False
            self._changed()

    def is_loading(self) -> bool:
        return self._loading is not None

    def is_saving(self) -> bool:
        return self._saving is not None

    def refresh(self) -> None:
        """Shows what is stored now (changed elsewhere, e.g. by the CLI); a click still being
        saved is not undone."""
        if not self.is_saving():
            self.show_stored()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()


class WritebackSummary(QWidget):
    """The write-back settings as they stand, in one line, for the wizard's summary."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = wrapped_label("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)

    def show_settings(self, store: Store) -> None:
        refusal = writeback_settings.refusal(store)
        if refusal is writeback_settings.NO_MODIFY_ALL_DATA:
            self.label.setText(translate(refusal))
        elif not writeback_settings.enabled(store):
            self.label.setText(self.tr("Off: activities stay in NavSync Desktop."))
        else:
            kinds = writeback_settings.kinds(store)
            names = ", ".join(translate(writeback_settings.KIND_LABELS[kind]) for kind in kinds)
            self.label.setText(
                self.tr("On, all data items: {items}").format(items=names)
                if len(kinds) == len(KINDS)
                else self.tr("On: {items}").format(items=names)
            )
