"""The main window's tabs and the dialogs they open."""
