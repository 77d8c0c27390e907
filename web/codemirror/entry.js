// The CodeMirror 6 bundle of the pcs serve playground (serve/page/app.js uses
// it as the global `PcsCodeMirror`): an editor with line numbers, history,
// the lint gutter, and pcs highlighting from the editor extension's TextMate
// grammar, embedded here at build time. Rebuild: ./build.sh (see README.md).
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting, bracketMatching, indentUnit } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { classHighlighter, tags } from '@lezer/highlight';
import grammar from '../../editors/vscode/syntaxes/pcs.tmLanguage.json';
import { textmateStreamParser } from './textmate.js';

// TextMate scopes -> highlight tags; the page styles their `tok-*` classes (classHighlighter).
const scopes = [
  ['comment', 'comment', tags.comment],
  ['constant.character.escape', 'escape', tags.escape],
  ['string', 'string', tags.string],
  ['constant.numeric', 'number', tags.number],
  ['constant.language', 'atom', tags.atom],
  ['constant.other', 'literal', tags.literal],
  ['keyword.other.unit', 'unit', tags.unit],
  ['keyword.operator.logical', 'operatorKeyword', tags.operatorKeyword],
  ['keyword.operator.word', 'operatorKeyword', tags.operatorKeyword],
  ['keyword.operator.query', 'operatorKeyword', tags.operatorKeyword],
  ['keyword.operator', 'operator', tags.operator],
  ['keyword', 'keyword', tags.keyword],
  ['storage', 'keyword', tags.keyword],
  ['entity.name.type', 'typeName', tags.typeName],
  ['entity.name', 'definition', tags.definition(tags.variableName)],
  ['support.function', 'standard', tags.standard(tags.variableName)],
  ['support.variable', 'standard', tags.standard(tags.variableName)],
  ['variable.language', 'self', tags.self],
  ['variable.parameter', 'variableName', tags.variableName],
  ['variable', 'variableName', tags.variableName],
  ['punctuation', 'punctuation', tags.punctuation],
  ['invalid', 'invalid', tags.invalid],
];
const tokenTable = Object.fromEntries(scopes.map(([, token, tag]) => [token, tag]));
function styleOf(scope) {
  for (const [prefix, token] of scopes) if (scope === prefix || scope.startsWith(prefix + '.')) return token;
  return null;
}
export const pcsLanguage = StreamLanguage.define(textmateStreamParser(grammar, styleOf, tokenTable));

/** The UTF-16 offset in `text` of a 1-based byte column (the server counts bytes, CodeMirror UTF-16 units). */
function columnOffset(text, byteColumn) {
  let bytes = 0, i = 0;
  while (i < text.length && bytes < byteColumn - 1) {
    const code = text.codePointAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    i += code >= 0x10000 ? 2 : 1;
  }
  return i;
}

/** An editor in `parent`; `onChange(text)` after every edit. */
export function createEditor(parent, text, onChange) {
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(), bracketMatching(),
        indentUnit.of('  '), keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        pcsLanguage, syntaxHighlighting(classHighlighter), lintGutter(),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state.doc.toString()); }),
      ],
    }),
  });
}

/** Replaces the whole text (another file chosen) without firing onChange's caller twice. */
export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

/**
 * Shows the server's diagnostics (line, byte column, length, severity,
 * message, hint) in the lint gutter and under the text.
 */
export function showDiagnostics(view, items) {
  const doc = view.state.doc;
  const diagnostics = [];
  for (const d of items) {
    if (d.line < 1 || d.line > doc.lines) continue;
    const line = doc.line(d.line);
    const from = line.from + Math.min(columnOffset(line.text, d.column || 1), line.length);
    const to = Math.min(line.to, from + Math.max(1, columnOffset(line.text.slice(from - line.from), (d.length || 1) + 1)));
    diagnostics.push({
      from, to: Math.max(to, from), severity: d.severity === 'note' ? 'info' : d.severity,
      source: d.code, message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message,
    });
  }
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** Moves the caret to a 1-based line and byte column and shows it. */
export function goTo(view, lineNumber, byteColumn) {
  const doc = view.state.doc;
  const line = doc.line(Math.max(1, Math.min(lineNumber, doc.lines)));
  const pos = line.from + Math.min(columnOffset(line.text, byteColumn || 1), line.length);
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
}
