import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { en } from "../../src/web/i18n/en.js";
import { ru } from "../../src/web/i18n/ru.js";

const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/web");

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as "a.b.c" -> text. */
function flatten(tree: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") {
      for (const [inner, text] of flatten(value, name)) out.set(inner, text);
    } else {
      out.set(name, value);
    }
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? "").sort();
}

const english = flatten(en);
const russian = flatten(ru);

describe("translations", () => {
  it("English and Russian have exactly the same keys", () => {
    const missingInRussian = [...english.keys()].filter((key) => !russian.has(key));
    const extraInRussian = [...russian.keys()].filter((key) => !english.has(key));
    expect(missingInRussian).toEqual([]);
    expect(extraInRussian).toEqual([]);
    expect(english.size).toBeGreaterThan(100);
  });

  it("every text is a non-empty string", () => {
    const bad = [...english, ...russian]
      .filter(([, text]) => typeof text !== "string" || text.trim() === "")
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it("interpolation placeholders match between the languages", () => {
    const mismatched = [...english]
      .filter(([key, text]) => {
        const other = russian.get(key);
        return (
          typeof text === "string" &&
          typeof other === "string" &&
          placeholders(text).join() !== placeholders(other).join()
        );
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("Russian texts are in Russian, not copies of the English ones", () => {
    // Product and language names are the same in both bundles on purpose.
    const sameOnPurpose = new Set(["app.name", "language.names.en", "language.names.ru", "mfa.signedInAs"]);
    const copied = [...english]
      .filter(
        ([key, text]) =>
          !sameOnPurpose.has(key) && russian.get(key) === text && /[A-Za-z]{3}/.test(String(text)),
      )
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });
});

/**
 * Text after a JSX tag that starts with a letter, e.g. `<Button>Save</Button>`. Arrow
 * functions (`=> a < b`) and generics are not JSX text, so a ">" preceded by "=" is skipped.
 */
const JSX_TEXT = /(?<![=])>\s*([A-Za-zА-Яа-яЁё][^<>{}]*?)\s*</g;
/** Quoted UI attributes, e.g. aria-label="Close"; translated ones are written as {t(...)}. */
const UI_ATTRIBUTE = /\b(aria-label|title|label|placeholder|alt|description)="([^"]*[A-Za-zА-Яа-яЁё][^"]*)"/g;

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

function hardCodedTexts(source: string): string[] {
  const code = withoutComments(source);
  const texts = [...code.matchAll(JSX_TEXT)].map((match) => (match[1] ?? "").trim());
  const attributes = [...code.matchAll(UI_ATTRIBUTE)].map((match) => `${match[1]}="${match[2]}"`);
  return [...texts, ...attributes];
}

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

describe("user-visible text in components", () => {
  it("the check finds hard-coded text and passes translated text", () => {
    expect(hardCodedTexts("<Button>Save</Button>")).toEqual(["Save"]);
    expect(hardCodedTexts("<Text>\n  Сохранить\n</Text>")).toEqual(["Сохранить"]);
    expect(hardCodedTexts("<Text>Read <b>this</b></Text>")).toEqual(["Read", "this"]);
    expect(hardCodedTexts('<ActionIcon aria-label="Close" />')).toEqual(['aria-label="Close"']);
    expect(hardCodedTexts('<Button>{t("common.save")}</Button>')).toEqual([]);
    expect(hardCodedTexts("const sorted = rows.filter((a) => a.seq < b.seq);")).toEqual([]);
    expect(hardCodedTexts("// <b>comment</b>\n<Code>{COMMAND}</Code>")).toEqual([]);
  });

  it("no .tsx file in src/web has hard-coded UI text", () => {
    const files = tsxFiles(webRoot);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      hardCodedTexts(readFileSync(file, "utf8")).map((text) => `${path.relative(webRoot, file)}: ${text}`),
    );
    expect(found).toEqual([]);
  });
});
