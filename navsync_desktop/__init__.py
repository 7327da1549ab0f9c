"""NavSync Desktop: Sales Navigator CRM sync and activity write-back to Salesforce."""

__version__ = "0.1.0"
