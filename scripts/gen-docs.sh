#!/bin/sh
# Regenerates the documentation made from the program itself:
#   docs/rules.md  the rule catalogue (hlm rules --format md)
#   docs/usage.md  every command's --help
# Usage: scripts/gen-docs.sh [HLM_BINARY] [OUTDIR]   (defaults: build/hlm, docs)
# The test docs.generated checks that the committed files are current.
set -eu
hlm=${1:-build/hlm}
out=${2:-docs}
"$hlm" rules --format md > "$out/rules.md"
{
  echo "# Les commandes de hlm"
  echo
  echo "Généré par \`scripts/gen-docs.sh\` à partir de l'aide de chaque commande."
  echo
  echo '```'
  "$hlm" --help
  echo '```'
  for c in $("$hlm" --help | sed -n '/^Commandes/,/^$/p' | awk 'NF && $1 != "Commandes" {print $1}'); do
    echo
    echo "## hlm $c"
    echo
    echo '```'
    "$hlm" "$c" --help
    echo '```'
  done
} > "$out/usage.md"
