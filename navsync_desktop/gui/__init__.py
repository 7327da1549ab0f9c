"""The Qt shell: wizard pages, main window, widgets and the worker bridge."""
