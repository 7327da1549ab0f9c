from PySide6.QtWidgets import QLabel

from navsync_desktop.gui.wizard.wizard import SetupWizard


def test_wizard_opens_on_the_welcome_page(qtbot):
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)

    page = wizard.currentPage()
    assert page.title() == "Set up CRM sync with Salesforce"
    assert "less than 30 minutes" in page.subTitle()
    texts = " ".join(label.text() for label in page.findChildren(QLabel))
    assert "Connect Sales Navigator to your Salesforce org" in texts
