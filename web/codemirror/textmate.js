// A TextMate grammar as a CodeMirror StreamLanguage: the playground
// highlights rule files with the very grammar of the editor extension
// (editors/vscode/syntaxes/pcs.tmLanguage.json), which esbuild embeds into
// the bundle, instead of a second grammar to keep in step. No package runs
// TextMate grammars in CodeMirror without a WebAssembly regex engine, so this
// small interpreter does the part pcs's grammar uses: `match` rules with
// `captures` (and `$1` in scope names), `begin`/`end` rules with their
// captures and nested `patterns`, `include` of the repository and `$self`.
// Oniguruma's possessive quantifiers (`*+`) become greedy ones: the grammar
// uses them only where nothing could backtrack into them anyway.

/** Oniguruma -> JavaScript: drops the '+' of possessive quantifiers, outside classes. */
export function toJsRegex(source) {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') { out += c + (source[i + 1] ?? ''); i++; continue; }
    if (inClass) { if (c === ']') inClass = false; out += c; continue; }
    if (c === '[') { inClass = true; out += c; continue; }
    if (c === '+' && /[*+?}]/.test(source[i - 1] ?? '') && source[i - 2] !== '\\') continue;
    out += c;
  }
  // 'g' to search from a position, 'd' for the positions of the captures.
  return new RegExp(out, 'gd');
}

/** Compiles the grammar's rules; `include`s resolve lazily so rules may refer to themselves. */
function compile(grammar) {
  const cache = new Map();
  const patterns = (list) => {
    const out = [];
    for (const p of list ?? []) {
      if (p.include) {
        const name = p.include === '$self' || p.include === '$base' ? '$self' : p.include.replace(/^#/, '');
        out.push({ include: name });
      } else if (p.match) {
        out.push({ re: toJsRegex(p.match), name: p.name, captures: p.captures });
      } else if (p.begin) {
        out.push({ re: toJsRegex(p.begin), end: toJsRegex(p.end), name: p.name, contentName: p.contentName,
                   captures: p.beginCaptures ?? p.captures, endCaptures: p.endCaptures ?? p.captures,
                   patterns: patterns(p.patterns) });
      } else if (p.patterns) {
        out.push(...patterns(p.patterns));
      }
    }
    return out;
  };
  const resolve = (name) => {
    if (!cache.has(name)) {
      cache.set(name, []);  // a rule including itself sees the list being built
      const entry = name === '$self' ? { patterns: grammar.patterns } : grammar.repository[name];
      cache.get(name).push(...patterns(entry?.patterns ?? [entry]));
    }
    return cache.get(name);
  };
  // Flattens includes once per list, at first use.
  const flat = new Map();
  const flatten = (list, seen = new Set()) => {
    if (flat.has(list)) return flat.get(list);
    const out = [];
    for (const r of list) {
      if (!r.include) { out.push(r); continue; }
      if (seen.has(r.include)) continue;
      seen.add(r.include);
      out.push(...flatten(resolve(r.include), seen));
      seen.delete(r.include);
    }
    flat.set(list, out);
    return out;
  };
  return { root: () => flatten(resolve('$self')), flatten };
}

/** The scope names of a match: the rule's over the whole, each capture's over its group. */
function segments(match, start, rule, captures, baseStyle, styleOf) {
  const length = match[0].length;
  const styles = new Array(length).fill(rule.name ? styleOf(named(rule.name, match)) : baseStyle);
  for (const [group, capture] of Object.entries(captures ?? {})) {
    const span = match.indices[Number(group)];
    if (!span || !capture.name) continue;
    for (let i = span[0]; i < span[1]; i++) styles[i - start] = styleOf(named(capture.name, match));
  }
  const runs = [];
  for (let i = 0; i < length; i++) {
    if (runs.length && runs[runs.length - 1][1] === styles[i]) runs[runs.length - 1][0]++;
    else runs.push([1, styles[i]]);
  }
  return runs;
}

function named(name, match) { return name.replace(/\$(\d+)/g, (_, n) => match[Number(n)] ?? ''); }

/** The first match of `re` in `line` at or after `pos`. */
function search(re, line, pos) {
  re.lastIndex = pos;
  return re.exec(line);
}

/**
 * A StreamLanguage definition (for StreamLanguage.define) tokenizing with the
 * TextMate grammar; `styleOf(scope)` maps a scope name ("keyword.other.pcs")
 * to a token name of `tokenTable`, or null.
 */
export function textmateStreamParser(grammar, styleOf, tokenTable) {
  const rules = compile(grammar);
  const top = (state) => state.stack[state.stack.length - 1];
  const baseStyle = (state) => {
    for (let i = state.stack.length - 1; i >= 0; i--) {
      const r = state.stack[i];
      const s = styleOf(r.contentName ?? r.name ?? '');
      if (s) return s;
    }
    return null;
  };
  // Pops the rules whose end matches here with nothing to consume (lookaheads, '$').
  const popEmptyEnds = (line, pos, state) => {
    while (state.stack.length) {
      const m = search(top(state).end, line, pos);
      if (!m || m.index !== pos || m[0].length) return;
      state.stack.pop();
    }
  };
  return {
    name: grammar.name,
    tokenTable,
    startState: () => ({ stack: [], queue: [] }),
    copyState: (s) => ({ stack: s.stack.slice(), queue: s.queue.map((q) => q.slice()) }),
    token(stream, state) {
      const line = stream.string;
      if (!state.queue.length) {
        popEmptyEnds(line, stream.pos, state);
        const rule = top(state);
        const candidates = rules.flatten(rule ? rule.patterns : rules.root());
        let best = null, bestRule = null, isEnd = false;
        if (rule) {
          const m = search(rule.end, line, stream.pos);
          if (m) { best = m; isEnd = true; }
        }
        for (const r of candidates) {
          const m = search(r.re, line, stream.pos);
          if (!m || !m[0].length) continue;  // an empty match would never advance
          if (!best || m.index < best.index) { best = m; bestRule = r; isEnd = false; }
        }
        const base = baseStyle(state);
        if (!best || best.index > stream.pos) {
          stream.pos = best ? best.index : line.length;
          return base;
        }
        if (isEnd) {
          state.queue = segments(best, best.index, rule, rule.endCaptures, base, styleOf);
          state.stack.pop();
        } else if (bestRule.end) {
          state.queue = segments(best, best.index, bestRule, bestRule.captures, base, styleOf);
          state.stack.push(bestRule);
        } else {
          state.queue = segments(best, best.index, bestRule, bestRule.captures, base, styleOf);
        }
      }
      const [length, style] = state.queue.shift();
      stream.pos += length;
      if (stream.eol()) popEmptyEnds(line, stream.pos, state);
      return style;
    },
  };
}
