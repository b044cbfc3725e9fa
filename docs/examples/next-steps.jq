# One row per next step, joined to the question's text and recommendation in the document's
# `grids` (docs/formats.md, "Lean results"): company, track, question, reason, text (English).
#   jq -r -f docs/examples/next-steps.jq results.json
.grids as $grids
| .results[]
| . as $r
| $grids["\($r.questionnaire.id)@\($r.questionnaire.version)"] as $g
| .next_steps[]
| [$r.company.name, .track, .question, .reason, $g.questions[.question].text.en]
| @tsv
