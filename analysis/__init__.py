"""framing: measure how news media frame events."""

__version__ = "0.1.0"
