"""The setup wizard: one module per page, in the admin guide's order."""
