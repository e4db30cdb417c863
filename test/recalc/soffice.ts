// LibreOffice as the real spreadsheet that recalculates what we write: found once, run headless with a fresh
// profile that trusts no cached value, converting .xlsx files into a folder. Shared by the recalc tests.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export function findSoffice(): string {
  for (const candidate of ["soffice", "libreoffice"]) {
    const r = spawnSync(candidate, ["--version"], { encoding: "utf8" });
    if (r.status === 0) return candidate;
  }
  throw new Error(
    "LibreOffice (soffice) is not installed: this test needs it to recalculate the fixed workbooks. " +
      "Install it with `apt-get install libreoffice-calc-nogui` (.ci/run does).",
  );
}

/** A fresh profile that recalculates OOXML and ODF files on load (0 = always), so cached values are not trusted. */
function makeProfile(dir: string): string {
  const user = path.join(dir, "user");
  fs.mkdirSync(user, { recursive: true });
  const item = (name: string) =>
    `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="${name}" oor:op="fuse"><value>0</value></prop></item>`;
  fs.writeFileSync(
    path.join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" ` +
      `xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
      `${item("OOXMLRecalcMode")}\n${item("ODFRecalcMode")}\n</oor:items>\n`,
  );
  return `file://${dir}`;
}

/** Opens each file in LibreOffice, recalculates it and saves it as .xlsx into `outdir`; throws if soffice fails. */
export function recalculate(files: string[], outdir: string, profileDir: string, timeout: number): void {
  const r = spawnSync(
    findSoffice(),
    [
      `-env:UserInstallation=${makeProfile(profileDir)}`,
      "--headless",
      "--norestore",
      "--calc",
      "--convert-to",
      "xlsx",
      "--outdir",
      outdir,
      ...files,
    ],
    { encoding: "utf8", timeout },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr || r.error}`);
}
