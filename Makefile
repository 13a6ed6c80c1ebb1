# Two commands do everything: `make dev` and `make test`. See README.md.
SHELL := /bin/bash
NPM ?= npm

.PHONY: dev test seed e2e bench install typecheck clean-data start

# Installs dependencies when node_modules is missing or older than the lockfile
# or a package.json (npm ci on a clean clone, so the lockfile is the truth).
node_modules/.install-stamp: package-lock.json package.json backend/package.json storefront/package.json
	@echo "[cinema] installing dependencies"
	@if [ -d node_modules ]; then $(NPM) install --no-audit --no-fund; else $(NPM) ci --no-audit --no-fund; fi
	@touch $@

install: node_modules/.install-stamp

dev: install
	node scripts/dev.mjs

test: install
	node scripts/test.mjs

# Production run: medusa build + next build, migrations, the backend from its
# build output (server + worker with REDIS_URL). Needs JWT_SECRET, COOKIE_SECRET.
start: install
	node scripts/start.mjs

seed: install
	node scripts/seed.mjs

e2e: install
	node scripts/test.mjs storefront-build e2e

bench: install
	node bench/run.mjs

typecheck: install
	node scripts/test.mjs typecheck-backend typecheck-storefront

# Removes the embedded databases (dev and test) and the seed output.
clean-data:
	rm -rf .data
