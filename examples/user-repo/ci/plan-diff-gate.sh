#!/usr/bin/env bash
# The pull-request gate on what a change does to the running cluster: compares the base branch's dist/
# with the one this pull request writes, leaves the verdict as Markdown for the PR comment, and fails on
# anything that cannot be applied in place unless the PR carries the label that allows it.
#
#   ci/plan-diff-gate.sh OLD NEW     e.g. git:origin/main:dist dist
#   ALLOW_NOT_IN_PLACE=true          the label allow-not-in-place is on the pull request
#   PLAN_DIFF_MD=plan-diff.md        where the Markdown goes (the workflow comments it)
#   MULTICNI="npx multicni"          the command (tests point it at a checkout)
set -uo pipefail
old="${1:?usage: plan-diff-gate.sh OLD NEW}"
new="${2:?usage: plan-diff-gate.sh OLD NEW}"
md="${PLAN_DIFF_MD:-plan-diff.md}"
read -r -a multicni <<< "${MULTICNI:-npx multicni}"

"${multicni[@]}" plan --diff "$old" --new "$new" > "$md"
code=$?
if [ "$code" -ge 2 ]; then
  echo "plan-diff-gate: multicni plan --diff could not read its input (exit $code)" >&2
  exit "$code"
fi
# Annotations on the pull request: errors, warnings and notices by class.
"${multicni[@]}" plan --diff "$old" --new "$new" --format github
verdict="$("${multicni[@]}" plan --diff "$old" --new "$new" --format json | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(JSON.parse(s).verdict))')"
echo "plan-diff-gate: verdict: $verdict"
if [ "$verdict" = "not in place" ] && [ "${ALLOW_NOT_IN_PLACE:-false}" != "true" ]; then
  echo "plan-diff-gate: a change cannot be applied to the running cluster; add the label allow-not-in-place to merge it anyway (e.g. for a cluster rebuilt from this output)" >&2
  exit 1
fi
exit 0
