from graph.cli import program

if __name__ == "__main__":  # not when a spawned worker imports it
    program()
