// Words at the edge (issue 19): the engine never branches on a language and never names one. Every word a person
// reads is made in src/i18n and handed to the engine (labels, or codes and params the i18n turns into sentences).
// Every file under src/engine is read; none is skipped.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "../../src/engine");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** What names a language: "lang" anywhere (a `lang` option, the `Lang` type, "language": `grep -rn lang` finds
 *  nothing), a "vi" or "en" tag. */
const LANGUAGE = [/lang/i, /["']vi["']/, /["']en["']/];

/** The lines of `text` that name a language, as "line: text". */
function languageLines(text: string): string[] {
  return text
    .split("\n")
    .map((line, i) => [i + 1, line] as const)
    .filter(([, line]) => LANGUAGE.some((re) => re.test(line)))
    .map(([n, line]) => `${n}: ${line.trim()}`);
}

const ALL = files(ROOT).map((f) => path.relative(ROOT, f).split(path.sep).join("/"));

test("the check reads every engine file, the appendix's among them", () => {
  expect(ALL.length).toBeGreaterThan(30);
  expect(ALL).toEqual(
    expect.arrayContaining([
      "appendix/index.ts",
      "appendix/table.ts",
      "consolidate/layout.ts",
      "plan/index.ts",
    ]),
  );
});

test("the check finds what it looks for", () => {
  expect(languageLines('const lang = options.lang ?? "vi";')).toHaveLength(1);
  expect(languageLines("function f(l: Lang) {}")).toHaveLength(1);
  expect(languageLines("x.localeCompare(y, 'en')")).toHaveLength(1);
  // The village word "làng", with its accent, is not a language; any word holding the four letters is refused,
  // as `grep -rn lang src/engine` would find it.
  expect(languageLines("/^(thon|làng|ban)$/")).toEqual([]);
  expect(languageLines("// the user's language")).toHaveLength(1);
});

test.each(ALL)("src/engine/%s names no language", (file) => {
  expect(languageLines(fs.readFileSync(path.join(ROOT, file), "utf8"))).toEqual([]);
});
