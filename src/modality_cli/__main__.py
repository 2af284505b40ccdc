import signal

# Ctrl-C before run() takes over ends the process quietly (see cli/entry.py);
# set here first, so that importing the entry module is covered too.
if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, signal.SIG_DFL)

from modality_cli.cli.entry import run

if __name__ == "__main__":
    run()
