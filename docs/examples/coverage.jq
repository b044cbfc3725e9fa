# One row per company × track × requirement, each positional coverage array joined to the
# requirement the grid names at its place and to its status code (docs/formats.md, "Lean
# results"): company, track, requirement id, status, answered, linked questions, excluded (na),
# with evidence, the requirement's title (English).
#   jq -r -f docs/examples/coverage.jq results.json
.grids as $grids
| .results[]
| . as $r
| $grids["\($r.questionnaire.id)@\($r.questionnaire.version)"] as $g
| (.coverage // {}) | to_entries[]
| .key as $track
| [$g.coverage[$track], .value] | transpose[]
| . as [$id, [$status, $answered, $excluded, $evidence]]
| [$r.company.name, $track, $id, $g.coverage_statuses[$status], $answered,
   ($g.requirements[$id].questions[$track] | length), $excluded, $evidence,
   $g.requirements[$id].title.en]
| @tsv
