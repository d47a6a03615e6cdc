"""The one family of errors a user can cause; `main()` turns them into a line and exit 2."""


class CrosscheckError(Exception):
    """A problem with the user's input, options or environment, shown as one line."""


class InputError(CrosscheckError):
    """A source file that cannot be read as an article."""


class UsageError(CrosscheckError):
    """Options that do not fit together or name something that does not exist."""
