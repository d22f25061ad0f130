# The two commands of the README. Both set everything up first and are safe to run again.
.PHONY: run test setup

setup:
	bash scripts/bootstrap.sh

run: setup
	.venv/bin/tripartito init
	.venv/bin/tripartito demo
	TRIPARTITO_INSECURE_COOKIES=1 .venv/bin/tripartito serve  # plain http on 127.0.0.1: see README, "Web pages"

test: setup
	bash scripts/test.sh
