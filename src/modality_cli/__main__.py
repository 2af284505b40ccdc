from modality_cli.cli.entry import run

if __name__ == "__main__":
    run()
