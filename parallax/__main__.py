import sys

from .cli import main, tune_for_one_run

tune_for_one_run()
sys.exit(main())
