"""`python -m ocop …`: the commands are in cli/main.py."""

from .cli.main import exit_now, main

if __name__ == "__main__":
    exit_now(main())
