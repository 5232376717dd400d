from clearpath.cli import main

main()
