# shellcheck shell=bash
# Sourced by check_html.sh and check_markdown.sh: write_sheets BINARY FORMAT EXTENSION DIR
# writes the routine of every area in FORMAT, with and without --explain, and a withheld
# one, into DIR; for html, the --compact sheets as well, and a 20-minute routine for three
# areas. It returns 1 (after saying why) when any of them is not as expected.
write_sheets() {
  local binary=$1 format=$2 extension=$3 folder=$4 area areas
  # Every area a routine can be planned for, as the error for an unknown one lists them.
  read -ra areas <<< "$("$binary" --area unknown 2>&1 | sed -n 's/^Valid areas: //p' | tr -d ',')"
  [ "${#areas[@]}" -ge 5 ] || { echo "FAILED: could not read the areas: ${areas[*]}"; return 1; }
  for area in "${areas[@]}"; do
    "$binary" --area "$area" --format "$format" -o "$folder/$area.$extension" || return 1
    "$binary" --area "$area" --since 3w --cause posture --equipment tennis-ball --explain \
      --format "$format" -o "$folder/$area-explain.$extension" || return 1
    if [ "$format" = html ]; then
      "$binary" --area "$area" --compact --format html -o "$folder/$area-compact.html" || return 1
    fi
  done
  if [ "$format" = html ]; then
    "$binary" --area neck,shoulders,upper-back --minutes 20 --format html \
      -o "$folder/three-areas.html" || return 1
    "$binary" --area "${areas[0]}" --since 3w --explain --compact --format html \
      -o "$folder/${areas[0]}-compact-explain.html" || return 1
  fi
  "$binary" --area neck --symptom "stiff neck, fever" --explain --format "$format" \
    -o "$folder/withheld.$extension"
  [ $? -eq 3 ] || { echo "FAILED: the withheld routine did not exit 3"; return 1; }
}
