"""`make new-product`, `make new-producer`, `make new-news`: start a record with the right shape.

Each command asks its questions (when no name is given on the command line)
or takes them as options, checks the ids it was given against the records,
and writes a new file: the given values as real fields, everything else as
commented placeholders. It never fills in a fact it was not given; the editor
completes the file from the sources, and `make check` says what is missing.

The modules, in the order they depend on each other:

- `context`: the site's records and rules, the answers, the command's error;
- `checks`: the checks of answers (ids that exist, stars, groups, dates, text);
- `places`: where a new file goes, and whether its id is taken;
- `writer`: the text of each kind of record, its self-check, writing it safely;
- `asker` and `questions`: the terminal, and the questions of each kind as tables;
- `command`: the three commands and `run()`.
"""

from .checks import split_list
from .command import run

__all__ = ["run", "split_list"]
