"""redact: prepare Chinese government documents for publication."""

__version__ = "0.1.0"
