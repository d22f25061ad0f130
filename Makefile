# The two commands of the README. Both set everything up first and are safe to run again.
.PHONY: run test setup

setup:
	bash scripts/bootstrap.sh

run: setup
	.venv/bin/tripartito init
	.venv/bin/tripartito demo
	.venv/bin/tripartito serve

test: setup
	bash scripts/test.sh
