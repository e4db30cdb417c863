// LibreOffice headless and poppler, driven from tests. Missing tools fail the test with a clear message (CI
// installs them: libreoffice-calc-nogui, poppler-utils).
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export function requireTool(cmd: string, debianPackage: string): string {
  const found = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  if (found.status !== 0 || !found.stdout.trim()) {
    throw new Error(
      `'${cmd}' is not installed: install the Debian package ${debianPackage} (CI does, see .ci/run)`,
    );
  }
  return found.stdout.trim();
}

/** A fresh LibreOffice profile that recalculates every formula when it loads a file (never trusts a cache). */
function profile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-phuluc-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ` +
      `xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `${item("OOXMLRecalcMode")}${item("ODFRecalcMode")}</oor:items>\n`,
  );
  return dir;
}

/** Converts `file` with LibreOffice (`xlsx`, `pdf` ...) into `outDir`; returns the written file. */
export function convert(file: string, format: string, outDir: string): string {
  const soffice = requireTool("soffice", "libreoffice-calc-nogui");
  const home = profile();
  fs.mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${home}`,
        "--headless",
        "--norestore",
        "--convert-to",
        format,
        "--outdir",
        outDir,
        file,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
  const out = path.join(outDir, `${path.basename(file, path.extname(file))}.${format.split(":")[0]}`);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${format} for ${file}`);
  return out;
}

/** PDF pages → PNG files (pdftoppm -png -r 80); returns them in page order. */
export function pdfToPngs(pdf: string, prefix: string): string[] {
  const pdftoppm = requireTool("pdftoppm", "poppler-utils");
  execFileSync(pdftoppm, ["-png", "-r", "80", pdf, prefix], { stdio: "pipe" });
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(`${base}-`) && f.endsWith(".png"))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)![1]) - Number(/-(\d+)\.png$/.exec(b)![1]))
    .map((f) => path.join(dir, f));
}

/** The text of each PDF page (pdftotext, layout kept). */
export function pdfPages(pdf: string): string[] {
  const pdftotext = requireTool("pdftotext", "poppler-utils");
  const text = execFileSync(pdftotext, ["-layout", pdf, "-"], { encoding: "utf8" });
  return text.split("\f").filter((p) => p.trim() !== "");
}
