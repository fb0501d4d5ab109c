#!/usr/bin/env bash
# Adds one migration per provider: scripts/add-migration.sh NameOfChange
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NameOfChange}
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql; do
  project=migrations/GrantsHub.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
