#!/usr/bin/env bash
# Validates documents kehoach wrote, as a reader would open them: each FILE (DOCX or ODT, told
# apart by their content) must unzip, every XML part must be well-formed, free of the characters
# XML 1.0 forbids and in NFC (check_parts.py), and the main parts must pass the published schemas:
# DOCX word/*.xml against wml.xsd, [Content_Types].xml, the relationships, docProps/app.xml and
# docProps/core.xml (OPC core properties with Dublin Core) against theirs (xmllint); ODT content,
# styles, meta and settings against OpenDocument 1.3, and the manifest against its schema (jing's verdict; see odf_all). One run per schema for all FILEs.
#
#   tests/lib/validate-output.sh FILE...
#
# Silent and exit 0 when every file is valid; otherwise one line per problem ("FILE: PART: …")
# and exit 1. Exit 2 when a tool or the schemas are missing.
# Environment: KH_SCHEMAS (default tests/schemas, checked against its SHA256SUMS); KH_ODF_VALIDATOR=jing
# to have jing check every ODT part (slower), not only those xmllint refuses.
set -uo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SCHEMAS=${KH_SCHEMAS:-$HERE/../schemas}
(($#)) || { echo "validate-output.sh: usage: validate-output.sh FILE..." >&2; exit 2; }
[[ -f $SCHEMAS/ooxml/_driver-wml.xsd && -f $SCHEMAS/odf/OpenDocument-v1.3-schema.rng ]] ||
  { echo "validate-output.sh: $SCHEMAS: schemas not found (set KH_SCHEMAS)" >&2; exit 2; }
SCHEMAS=$(cd "$SCHEMAS" && pwd)
# An edited or damaged schema would let bad output pass: the published files are checked first.
if [[ -f $SCHEMAS/SHA256SUMS ]] && ! (cd "$SCHEMAS" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1); then
  echo "validate-output.sh: $SCHEMAS: a schema differs from SHA256SUMS (restore it from git)" >&2; exit 2
fi
# The system's python3 when there is one: a version manager's shim costs most of a second a call.
PY=python3
[[ -x /usr/bin/python3 ]] && PY=/usr/bin/python3
for tool in "$PY" xmllint jing; do
  command -v "$tool" >/dev/null || { echo "validate-output.sh: $tool not found (run scripts/install-deps)" >&2; exit 2; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kehoach-validate.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
status=0
declare -A PARTS=() NAME=()
while IFS= read -r line; do
  case $line in
    "file "*) line=${line#file }; NAME[${line%% *}]=${line#* } ;;
    "schema "*) line=${line#schema }; PARTS[${line%% *}]+="${line#* }"$'\n' ;;
    *) echo "$line"; status=1 ;;
  esac
done < <("$PY" "$HERE/check_parts.py" "$TMP" "$@"; echo "exit $?" >"$TMP/rc")
[[ $(cat "$TMP/rc" 2>/dev/null) == "exit "[01] ]] || { echo "validate-output.sh: check_parts.py failed"; exit 2; }

# A validator's messages name the extracted copy: name the document and its part instead.
rename() {
  local line dir
  while IFS= read -r line; do
    for dir in "${!NAME[@]}"; do line=${line//"$dir/"/"${NAME[$dir]}: "}; done
    printf '%s\n' "$line"
  done
}

# xmllint_all SCHEMA KIND: one run over every part of that kind; a part passes when xmllint says
# "PART validates".
xmllint_all() {
  local schema=$1 files out f
  [[ -n ${PARTS[$2]:-} ]] || return 0
  mapfile -t files <<<"${PARTS[$2]%$'\n'}"
  out=$(xmllint --noout --nonet --schema "$schema" "${files[@]}" 2>&1)
  for f in "${files[@]}"; do
    if ! grep -qxF "$f validates" <<<"$out"; then
      status=1
      { grep -F "$f:" <<<"$out" || echo "$f: fails to validate: $(head -3 <<<"$out")"; } | head -5 |
        sed "s|\$| (against ${schema#"$SCHEMAS"/})|" | rename
    fi
  done
}
# odf_all SCHEMA KIND: jing gives the verdict (xmllint's RELAX NG messages mislead), but it costs
# seconds a call where xmllint takes a fraction: unless KH_ODF_VALIDATOR=jing, xmllint goes first
# and jing is asked only about what xmllint refuses.
odf_all() {
  local schema=$1 files out bad=() f
  [[ -n ${PARTS[$2]:-} ]] || return 0
  mapfile -t files <<<"${PARTS[$2]%$'\n'}"
  if [[ ${KH_ODF_VALIDATOR:-xmllint} == jing ]]; then bad=("${files[@]}")
  else
    out=$(xmllint --noout --nonet --relaxng "$schema" "${files[@]}" 2>&1)
    for f in "${files[@]}"; do grep -qxF "$f validates" <<<"$out" || bad+=("$f"); done
  fi
  ((${#bad[@]})) || return 0
  if ! out=$(jing -i "$schema" "${bad[@]}" 2>&1); then
    status=1
    grep -v '^\[warning\]' <<<"$out" | head -20 | sed "s|\$| (against ${schema#"$SCHEMAS"/})|" | rename
  fi
}

xmllint_all "$SCHEMAS/ooxml/_driver-wml.xsd" wml
xmllint_all "$SCHEMAS/ooxml/opc-xsd/opc-contentTypes.xsd" content-types
xmllint_all "$SCHEMAS/ooxml/opc-xsd/opc-relationships.xsd" rels
xmllint_all "$SCHEMAS/ooxml/shared-documentPropertiesExtended.xsd" app
xmllint_all "$SCHEMAS/ooxml/_driver-core.xsd" core
odf_all "$SCHEMAS/odf/OpenDocument-v1.3-schema.rng" odf
odf_all "$SCHEMAS/odf/OpenDocument-v1.3-manifest-schema.rng" manifest
exit $status
