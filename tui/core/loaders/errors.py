"""The one exception loaders raise for input they cannot use."""


class LoadError(Exception):
    """Bad input: the message is the reason, shown to the user next to the file name."""
