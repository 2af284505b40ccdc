"""The command line: the Typer app and its options (:mod:`.app`), the commands
(:mod:`.commands`), the boundary where errors become messages and exit codes
(:mod:`.boundary`), argv handling, completion and the console-script entry."""
