"""The embedded, Salesforce-compatible demo org.

A separate room: it imports nothing from the rest of the application, and the
application talks to it only over HTTPS, exactly as to Salesforce.
"""
