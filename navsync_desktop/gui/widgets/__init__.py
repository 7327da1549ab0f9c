"""Widgets shared by the wizard and the main window."""
