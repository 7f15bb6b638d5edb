#!/usr/bin/env python3
"""Makes every C# file's namespace follow its folder, and fixes the using directives that the change needs.

Usage: tools/namespaces.py [--check]   (from the repository root; --check lists what would change and exits 1 if any)

After merging a branch written against the old namespaces, run it once: tools/namespace-moves.tsv (type, old namespace,
new namespace) lets it resolve the old names, so the branch's files get the usings of the new ones.

For each project (src/, tests/, bench/, examples/), a file's namespace becomes the project's root namespace (its
RootNamespace, else its name) followed by the file's folders. Every file of every project then gets a `using` for the
new namespace of each Verdict type it used, resolved the way the compiler resolved it before (enclosing namespaces
first, then the file's usings and the project's global usings, within the projects it references); usings of
namespaces that no longer exist or no longer provide anything the file names are dropped, and fully qualified names
(`Verdict.Experiments.Analysis.MetricData`, `using static …`, aliases, crefs) are rewritten. Public-API baselines
(PublicAPI.*.txt) record a moved public type as removed and added (docs/architecture.md, "Public API baselines").

The resolution is lexical (identifier tokens, not a semantic model), so a build decides: when it reports a missing or
ambiguous name, fix that file by hand. docs/architecture.md says why this is a script: `dotnet format` finds the
mismatches (IDE0130) but its fixer stops with "Changing document properties is not supported".
"""
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..'))
TOPS = ['src', 'tests', 'bench', 'examples']
DECL = re.compile(
    r'^(?:(?:public|internal|static|sealed|abstract|partial|readonly|ref|file|unsafe)\s+)*'
    r'(?:class|record\s+struct|record\s+class|record|struct|interface|enum|delegate\s+[\w<>\[\],.? ]+?)\s+([A-Z]\w*)',
    re.M)
EXTENSION = re.compile(r'^\s+public static [\w<>\[\],.? ]+? (\w+)(?:<[^>]*>)?\(this ', re.M)
NAMESPACE = re.compile(r'^namespace ([\w.]+);', re.M)
USING = re.compile(r'^using ([\w.]+);\n', re.M)
TOKEN = re.compile(r'\b[A-Z]\w*')
QUALIFIED = re.compile(r'(?<![\w.])(global::)?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)')


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def write(path, text):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)


class Project:
    def __init__(self, path):
        self.path = path
        self.dir = os.path.dirname(path)
        self.name = os.path.splitext(os.path.basename(path))[0]
        tree = ET.parse(path)
        root = tree.getroot().findtext('.//RootNamespace')
        self.root = root or self.name
        self.refs = [os.path.normpath(os.path.join(self.dir, r.get('Include').replace('\\', '/')))
                     for r in tree.getroot().iter('ProjectReference')]
        self.usings = [u.get('Include') for u in tree.getroot().iter('Using') if u.get('Include')]
        self.linked = [os.path.normpath(os.path.join(self.dir, c.get('Include').replace('\\', '/')))
                       for c in tree.getroot().iter('Compile') if c.get('Include')]
        self.files = []
        for d, dirs, fs in os.walk(self.dir):
            dirs[:] = [x for x in dirs if x not in ('bin', 'obj')]
            self.files += [os.path.join(d, f) for f in fs if f.endswith('.cs')]


def load_projects():
    projects = {}
    for top in TOPS:
        for d, dirs, fs in os.walk(os.path.join(ROOT, top)):
            dirs[:] = [x for x in dirs if x not in ('bin', 'obj')]
            for f in fs:
                if f.endswith('.csproj'):
                    p = Project(os.path.join(d, f))
                    projects[os.path.normpath(p.path)] = p
    for p in projects.values():
        seen, stack = {p.path}, list(p.refs)
        while stack:
            r = stack.pop()
            if r in seen or r not in projects:
                continue
            seen.add(r)
            stack += projects[r].refs
        p.closure = seen
    return projects


def expected_namespace(project, path):
    rel = os.path.relpath(os.path.dirname(path), project.dir)
    parts = [] if rel == '.' else rel.split(os.sep)
    return '.'.join([project.root] + parts)


def strip_comments(text):
    """Code without comments, but with the names inside XML-doc crefs kept (a cref must resolve)."""
    crefs = ' '.join(re.findall(r'cref="([^"]*)"', text))
    return re.sub(r'//[^\n]*', '', text) + '\n' + crefs


def enclosing(ns):
    parts = ns.split('.')
    return ['.'.join(parts[:i]) for i in range(len(parts), 0, -1)]


def main():
    check = '--check' in sys.argv
    projects = load_projects()
    owner = {}          # file -> projects that compile it (a linked shared file has several)
    for p in projects.values():
        for f in p.files:
            owner.setdefault(f, []).append(p)
        for pattern in p.linked:
            for f in glob.glob(pattern):
                if p not in owner.setdefault(f, []):
                    owner[f].append(p)

    # 1. Declarations: each file's old and new namespace, and the top-level names it declares.
    info = {}
    declared = {}       # name -> list of (old ns, new ns, project path)
    for f, ps in owner.items():
        text = read(f)
        found = NAMESPACE.findall(text)
        if len(found) != 1:
            continue
        old = found[0]
        home = [p for p in ps if f.startswith(p.dir + os.sep)]
        new = expected_namespace(home[0], f) if home else old
        names = set(DECL.findall(text)) | set(EXTENSION.findall(text))
        info[f] = (old, new, text)
        for n in names:
            for p in ps:
                declared.setdefault(n, []).append((old, new, p.path))
    # Moves already made (tools/namespace-moves.tsv): code from another branch still names the old namespaces.
    moves = os.path.join(ROOT, 'tools', 'namespace-moves.tsv')
    recorded = set()
    if os.path.exists(moves):
        for line in read(moves).splitlines():
            if line.startswith('#') or not line.strip():
                continue
            name, was, now = line.split('\t')
            recorded.add(was)
            for (_, n, proj) in list(declared.get(name, [])):
                if n == now:
                    declared[name].append((was, now, proj))
    old_spaces = {o for (o, _, _) in info.values()}
    old_spaces |= recorded
    new_spaces = {n for (_, n, _) in info.values()}
    new_exists = {e for n in new_spaces for e in enclosing(n)}
    moved = {(o, n) for (o, n, _) in info.values() if o != n}

    def resolve(name, spaces_in_order, usings, closure, which):
        """The declaration `name` meant: enclosing namespaces innermost first, then the usings (None if unclear)."""
        cands = [d for d in declared.get(name, []) if d[2] in closure]
        for ns in spaces_in_order:
            hit = [d for d in cands if d[which] == ns]
            if hit:
                return hit[0] if len({h[1] for h in hit}) == 1 else None
        hit = [d for d in cands if d[which] in usings]
        return hit[0] if hit and len({h[1] for h in hit}) == 1 else None

    changed = []
    for f, (old, new, text) in sorted(info.items()):
        ps = owner[f]
        closure = set().union(*(p.closure for p in ps))
        global_usings = set.intersection(*(set(p.usings) for p in ps))
        code = strip_comments(text)
        old_usings = set(USING.findall(text))
        needed, conflicts = set(), []
        for tok in sorted(set(TOKEN.findall(code))):
            before = resolve(tok, enclosing(old), old_usings | global_usings, closure, 0)
            if before is None:
                continue
            target = before[1]
            if target in enclosing(new):
                # Visible by nesting, unless a nearer namespace declares the same name.
                nearer = resolve(tok, enclosing(new), set(), closure, 1)
                if nearer is not None and nearer[1] != target:
                    conflicts.append(f'{tok}: {nearer[1]} hides {target}')
                continue
            nearer = resolve(tok, enclosing(new), set(), closure, 1)
            if nearer is not None and nearer[1] != target:
                conflicts.append(f'{tok}: {nearer[1]}.{tok} hides {target}.{tok}')
            needed.add(target)

        result = text
        if old != new:
            result = NAMESPACE.sub(f'namespace {new};', result, count=1)

        # Qualified names (`Verdict.Statistics.Estimate`, or relative: `Statistics.Estimate`, `ClickHouse.Store`): when
        # the type or the file moved, they are written out in full under the type's new namespace.
        def qualify(m):
            parts = m.group(2).split('.')
            for i in range(len(parts) - 1, 0, -1):
                prefix, name = '.'.join(parts[:i]), parts[i]
                spaces = [prefix] + [e + '.' + prefix for e in enclosing(old)]
                for (o, n, _) in declared.get(name, []):
                    if o in spaces and o in old_spaces:
                        if n == o and new == old:
                            return m.group(0)
                        return (m.group(1) or '') + '.'.join([n] + parts[i:])
            return m.group(0)

        def qualify_code(text):
            return '\n'.join(x if x.startswith('namespace ') else QUALIFIED.sub(qualify, x) for x in text.split('\n'))

        body = USING.sub('', result)
        body = qualify_code(body)

        # Verdict usings: the old ones that still exist and still give the file a name it uses, plus the needed ones.
        keep = set()
        for u in old_usings:
            if not u.startswith('Verdict'):
                keep.add(u)
            elif u in new_exists and u not in enclosing(new) and u in needed:
                keep.add(u)
        keep |= {n for n in needed if n not in enclosing(new)}
        keep -= global_usings
        lines = sorted(keep, key=lambda u: (not u.startswith('System'), u))
        head = ''.join(f'using {u};\n' for u in lines)
        # Put the using block where the old one was (before the first non-using line).
        first = USING.search(result)
        if first:
            start = first.start()
            rebuilt = result[:start] + head + USING.sub('', result[start:])
            rebuilt = qualify_code(rebuilt)
        elif head:
            rebuilt = head + ('\n' if not body.startswith(('using ', '\n')) else '') + body
        else:
            rebuilt = body
        rebuilt = re.sub(r'\A\n+', '', rebuilt)
        if rebuilt != text:
            changed.append(os.path.relpath(f, ROOT))
            if not check:
                write(f, rebuilt)
        for c in conflicts:
            print(f'{os.path.relpath(f, ROOT)}: check {c}', file=sys.stderr)

    # 2. Public-API baselines: a moved public type is removed under its old name and added under its new one.
    for p in projects.values():
        shipped = os.path.join(p.dir, 'PublicAPI.Shipped.txt')
        unshipped = os.path.join(p.dir, 'PublicAPI.Unshipped.txt')
        if not os.path.exists(shipped):
            continue

        def rename(line):
            def one(m):
                parts = m.group(2).split('.')
                for i in range(len(parts) - 1, 0, -1):
                    prefix, name = '.'.join(parts[:i]), parts[i]
                    for (o, n, _) in declared.get(name, []):
                        if o == prefix and o != n:
                            return (m.group(1) or '') + '.'.join([n] + parts[i:])
                return m.group(0)
            return QUALIFIED.sub(one, line)
        s_lines = read(shipped).splitlines()
        u_lines = read(unshipped).splitlines()
        removed, added = [], []
        for line in s_lines:
            if line.startswith('#'):
                continue
            r = rename(line)
            if r != line:
                removed.append('*REMOVED*' + line)
                added.append(r)
        new_u = [u_lines[0]] if u_lines and u_lines[0].startswith('#') else []
        rest = [x if x.startswith('*REMOVED*') else rename(x) for x in u_lines[len(new_u):]]
        out = new_u + sorted(set(rest + removed + added) - {''}, key=lambda x: x.replace('*REMOVED*', ''))
        if out != u_lines:
            changed.append(os.path.relpath(unshipped, ROOT))
            if not check:
                write(unshipped, '\n'.join(out) + '\n')

    for c in changed:
        print(c)
    if check and changed:
        sys.exit(1)


if __name__ == '__main__':
    main()
