"""The frozen app's entry point (PyInstaller needs a script): the same as `tracker`."""

import sys

from tracker.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
