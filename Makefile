# Shortcuts for the README's two commands (scripts/run.sh and scripts/check.sh do the work; make is optional).
.PHONY: run test setup

setup:
	bash scripts/bootstrap.sh

run:
	bash scripts/run.sh

test:
	bash scripts/check.sh
