from graph.cli import program

program()
