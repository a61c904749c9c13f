/**
 * A cell's code editor: CodeMirror 6 with its SQL language (bundled from
 * node_modules), highlighting, completion of table and column names from
 * the tables' schema, Ctrl/Cmd+Enter to run, and DuckDB's error marked at
 * the line and column it points to. Tab is not taken by the editor: it
 * moves the focus on, as in any form (indent with the spaces you type).
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { PostgreSQL, sql } from "@codemirror/lang-sql";
import { bracketMatching, syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, highlightActiveLine, keymap, lineNumbers, placeholder } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";
import type { CompletionSchema } from "../../lib/notebook/completion-schema.js";

export interface CodeEditorOptions {
  doc: string;
  /** The editor's accessible name ("SQL query, cell 2"). */
  label: string;
  schema: CompletionSchema;
  onRun: () => void;
  onChange: (text: string) => void;
}

export interface CodeEditor {
  view: EditorView;
  text(): string;
  /** Marks DuckDB's error at `offset` (to the end of the word there), or clears the marks with null. */
  markError(at: { offset: number; message: string } | null): void;
}

/** The SQL language with the tables' names and columns for completion. */
function sqlLanguage(schema: CompletionSchema) {
  return sql({ dialect: PostgreSQL, schema: schema.schema, tables: schema.tables, upperCaseKeywords: true });
}

export function codeEditor(options: CodeEditorOptions): CodeEditor {
  const run = () => {
    options.onRun();
    return true;
  };
  const view = new EditorView({
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        lineNumbers(),
        history(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        // The same tok-* classes as the examples, coloured by the theme in style.css (4.5:1 light and dark).
        syntaxHighlighting(classHighlighter),
        sqlLanguage(options.schema),
        autocompletion({ icons: false }),
        lintGutter(),
        placeholder("SELECT … FROM commitments"),
        keymap.of([
          { key: "Mod-Enter", run, preventDefault: true },
          { key: "Shift-Enter", run, preventDefault: true },
          ...closeBracketsKeymap,
          ...completionKeymap,
          ...historyKeymap,
          ...defaultKeymap,
        ]),
        EditorView.contentAttributes.of({ "aria-label": options.label, "aria-multiline": "true" }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    view,
    text: () => view.state.doc.toString(),
    markError: (at) => {
      const diagnostics: Diagnostic[] = [];
      if (at) {
        const doc = view.state.doc;
        const from = Math.min(at.offset, doc.length);
        const word = /^[\w$"']+/.exec(doc.sliceString(from, Math.min(from + 200, doc.length)));
        const to = Math.min(from + Math.max(word?.[0].length ?? 1, 1), doc.length);
        diagnostics.push({ from, to: Math.max(to, from), severity: "error", message: at.message });
      }
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
  };
}
