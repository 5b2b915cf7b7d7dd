"""Entry point of the frozen app: the same as the ``galley`` command."""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    # A large import prepares files in worker processes (app.exchange.ahead): in the frozen
    # app each worker is this program started again, and must run the worker, not Galley.
    multiprocessing.freeze_support()
    sys.exit(main())
