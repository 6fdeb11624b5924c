"""Questions on a terminal, or answers piped to stdin: ask again after a wrong answer, list the choices."""

from __future__ import annotations

from ...core.slugs import slugify
from .context import Context

LIST_LIMIT = 40  # more choices than this are not listed: a part of a name finds them


class Asker:
    """Asks questions on a terminal (or reads answers piped to stdin), re-asking after a wrong answer."""

    def __init__(self, ctx: Context, stdin, stdout):
        self.ctx = ctx
        self.stdin = stdin
        self.stdout = stdout
        self.closed = False

    def say(self, text: str = "") -> None:
        """Print a line."""
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def read(self, prompt: str) -> str:
        """One answer; an empty string at the end of the input."""
        self.stdout.write(prompt)
        self.stdout.flush()
        if self.closed:
            self.stdout.write("\n")
            return ""
        answer = self.stdin.readline()
        if not answer:
            self.closed = True
            self.stdout.write("\n")
            return ""
        if not getattr(self.stdin, "isatty", lambda: False)():
            self.stdout.write(answer if answer.endswith("\n") else answer + "\n")  # echo piped answers
        return answer.strip()

    def ask(self, prompt: str, check=None, default: str = "", required: bool = False):
        """Ask until the answer passes `check` (which returns an error or None) or is left empty."""
        shown = f"{prompt} [{default}]: " if default else f"{prompt}: "
        while True:
            answer = self.read(shown) or default
            if not answer:
                if required and not self.closed:
                    self.say("  " + self.ctx.t("sc_required_answer"))
                    continue
                return ""
            error = check(answer) if check else None
            if error is None:
                return answer
            self.say("  " + self.ctx.error(error))
            if self.closed:
                return ""

    def choose(self, prompt: str, choices: dict[str, str], check, default: str = "", show: bool = True):
        """Show the valid ids with their names, then ask; a part of a name finds its id."""
        ctx = self.ctx
        if show and len(choices) <= LIST_LIMIT:
            width = max((len(k) for k in choices), default=0)
            for key, text in choices.items():
                self.say(f"    {key.ljust(width)}  {text}")
        elif show:
            self.say("    " + ctx.t("sc_many_choices", count=len(choices)))

        def resolve(answer: str):
            if answer in choices or not choices:
                return check(answer)
            wanted = slugify(answer)
            found = [k for k, text in choices.items() if wanted and wanted in slugify(f"{k} {text}")]
            if len(found) == 1:
                return ("found", found[0])
            if len(found) > 1:
                shown = ", ".join(found[:20]) + (" …" if len(found) > 20 else "")
                return ctx.t("sc_several_matches", matches=shown)
            return check(answer)

        while True:
            answer = self.ask(prompt, lambda value: None, default=default)
            if not answer:
                return ""
            result = resolve(answer)
            if result is None:
                return answer
            if isinstance(result, tuple):
                self.say(f"  → {result[1]} ({choices[result[1]]})")
                return result[1]
            self.say("  " + ctx.error(result))
            if self.closed:
                return ""

