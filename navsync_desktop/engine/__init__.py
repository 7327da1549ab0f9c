"""The jobs of the program, in plain Python (no Qt): the CLI and the GUI both use them."""
