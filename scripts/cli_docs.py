"""Print docs/cli.md: the reference of every `migobs` command, generated from its --help.

`make docs` writes it; tests/test_docs.py fails when docs/cli.md is not what this prints.
"""

from __future__ import annotations

import click

from migobs.cli import cli


def commands(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
    """Every command below ``group`` with its full name, depth first, sorted by name."""
    found: list[tuple[str, click.Command]] = []
    with click.Context(group) as ctx:  # a lazy group loads its commands through the context
        listed = [(name, group.get_command(ctx, name)) for name in group.list_commands(ctx)]
    for name, command in sorted((name, c) for name, c in listed if c is not None):
        found.append((f"{prefix} {name}", command))
        if isinstance(command, click.Group):
            found.extend(commands(command, f"{prefix} {name}"))
    return found


def help_text(name: str, command: click.Command) -> str:
    """The --help output of one command, as the user sees it.

    The group's help option names (-h, --help) are passed to every command, as a real run
    inherits them: click caches each command's help option at its first use, so the text must
    not depend on whether a test invoked the CLI earlier in the same process.
    """
    names = cli.context_settings["help_option_names"]
    with click.Context(command, info_name=name, terminal_width=100, help_option_names=names) as ctx:
        return command.get_help(ctx)


def markdown() -> str:
    """The whole CLI reference as Markdown."""
    parts = [
        "# Command-line reference\n",
        "Generated from `--help` by `make docs` (scripts/cli_docs.py); a test fails when it is stale.\n",
        f"## migobs\n\n```\n{help_text('migobs', cli)}\n```\n",
    ]
    for name, command in commands(cli, "migobs"):
        parts.append(f"## {name}\n\n```\n{help_text(name, command)}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    print(markdown(), end="")
