#!/usr/bin/env python3
"""Checks the test projects' references against the rule in docs/architecture.md ("Tests").

Usage: tools/test-references.py   (from anywhere; exits 1 and names each offending reference, 0 when all hold)

A test project tests the assemblies its name says (tests/Verdict.X.Tests tests src/Verdict.X), plus those TESTED adds,
and references only those. Beside them it may reference a FIXTURE: an assembly the tests use only to make their
inputs, which brings no code the tested assemblies do not already reference (everything it references is already
referenced by a tested assembly), listed below with its reason. tests/Verdict.EndToEnd.Tests is the one project whose
purpose is composition; it may reference anything. Every test project must be in Verdict.slnx, which test.sh and
.ci/run test, so none is left out of the run.
"""
import glob
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
REFERENCE = re.compile(r'<ProjectReference Include="([^"]+)"')

# Test projects that test more than the assembly their name says.
TESTED = {
    # One conformance suite runs over every engine behind the store seam.
    'Verdict.Storage.Tests': {'Verdict.Storage', 'Verdict.Storage.Postgres', 'Verdict.Storage.ClickHouse'},
}

# Assemblies a test project may reference to make its inputs, and why.
FIXTURES = {
    # The seeded event generator: tests fill their stores with its traffic (support-bot conversations with failure
    # modes, bandit periods, holdout keys) instead of a second generator kept in step by hand.
    'Verdict.Experiments.Simulation': {'Verdict.Storage.Tests', 'Verdict.Server.Tests'},
    # The second backend plugged into the server's store seam (ServerOptions.OpenStore): the server's tests run each
    # case on DuckDB and on PostgreSQL, because the server is specified to know no backend.
    'Verdict.Storage.Postgres': {'Verdict.Server.Tests'},
}

COMPOSITION = 'Verdict.EndToEnd.Tests'


def references(project):
    """The names of the projects a .csproj references."""
    with open(project, encoding='utf-8') as f:
        text = f.read()
    return {os.path.splitext(os.path.basename(r.replace('\\', '/')))[0] for r in REFERENCE.findall(text)}


def main():
    sources = {os.path.splitext(os.path.basename(p))[0]: p for p in glob.glob(os.path.join(ROOT, 'src', '*', '*.csproj'))}

    def closure(names):
        seen, stack = set(), list(names)
        while stack:
            name = stack.pop()
            if name in seen or name not in sources:
                continue
            seen.add(name)
            stack.extend(references(sources[name]))
        return seen

    problems = []
    for project in sorted(glob.glob(os.path.join(ROOT, 'tests', '*', '*.csproj'))):
        name = os.path.splitext(os.path.basename(project))[0]
        if name == COMPOSITION:
            continue
        tested = TESTED.get(name, {name.removesuffix('.Tests')})
        below = closure(tested)
        for reference in sorted(references(project) - tested):
            if name not in FIXTURES.get(reference, set()):
                problems.append(f'{name} references {reference}, which it does not test (a composed test belongs in {COMPOSITION})')
            elif not closure({reference}) - {reference} <= below:
                extra = ', '.join(sorted(closure({reference}) - {reference} - below))
                problems.append(f'{name}: the fixture {reference} brings {extra}, which the tested assemblies do not reference')

    with open(os.path.join(ROOT, 'Verdict.slnx'), encoding='utf-8') as f:
        solution = f.read()
    for project in sorted(glob.glob(os.path.join(ROOT, 'tests', '*', '*.csproj'))):
        path = os.path.relpath(project, ROOT).replace(os.sep, '/')
        if f'Path="{path}"' not in solution:
            problems.append(f'{path} is not in Verdict.slnx, so ./test.sh and .ci/run do not run it')

    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
