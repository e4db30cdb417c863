// The manifest validates offline against the shared XSD; a misspelt element is caught; every string a user sees
// has an English override; every icon it names exists as a real PNG of the declared size.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.join(__dirname, "..", "..");
const manifestPath = path.join(root, "manifest.xml");
const manifest = fs.readFileSync(manifestPath, "utf8");

function validate(file: string) {
  return spawnSync(process.execPath, [path.join(root, "scripts", "validate-manifest.js"), file], {
    encoding: "utf8",
  });
}

function brokenCopy(from: string, to: string): string {
  expect(manifest).toContain(from);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, manifest.replace(from, to));
  return file;
}

describe("manifest.xml", () => {
  test("validates against OfficeAppManifestV1_1.xsd (npm run validate)", () => {
    const r = validate(manifestPath);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/hợp lệ/);
  });

  test("a copy with a misspelt element fails with a schema error", () => {
    const r = validate(
      brokenCopy("<DefaultLocale>vi-VN</DefaultLocale>", "<DefaultLocal>vi-VN</DefaultLocal>"),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DefaultLocal/);
    expect(r.stderr).toMatch(/KHÔNG hợp lệ/);
  });

  test("a copy with a misspelt action type fails too", () => {
    const r = validate(brokenCopy('xsi:type="ExecuteFunction"', 'xsi:type="ExecuteFunktion"'));
    expect(r.status).toBe(1);
  });

  test("Vietnamese by default, an English override for every visible string", () => {
    expect(manifest).toMatch(/<DefaultLocale>vi-VN<\/DefaultLocale>/);
    for (const tag of ["DisplayName", "Description"]) {
      const m = new RegExp(`<${tag} DefaultValue="[^"]+">\\s*<Override Locale="en-US" Value="[^"]+"/>`).exec(
        manifest,
      );
      expect(m).not.toBeNull();
    }
    const strings = [
      ...manifest.matchAll(/<bt:String id="([^"]+)" DefaultValue="[^"]*">([\s\S]*?)<\/bt:String>/g),
    ];
    expect(strings.length).toBeGreaterThanOrEqual(10);
    for (const [, id, body] of strings) {
      expect({ id, hasOverride: /<bt:Override Locale="en-US" Value="[^"]+"\/>/.test(body) }).toEqual({
        id,
        hasOverride: true,
      });
    }
    // No self-closing string without an override.
    expect(manifest).not.toMatch(/<bt:String [^>]*\/>/);
  });

  test("the four buttons on the Home tab, with the actions the issue asks for", () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">/);
    const label = (id: string) =>
      new RegExp(`<bt:String id="${id}" DefaultValue="([^"]+)"`).exec(manifest)?.[1];
    expect(label("Check.Label")).toBe("Kiểm tra");
    expect(label("Recompute.Label")).toBe("Tính lại");
    expect(label("Appendix.Label")).toBe("Lập phụ lục");
    expect(label("Open.Label")).toBe("Phụ lục");
    expect(manifest).toMatch(/<FunctionName>recompute<\/FunctionName>/);
    expect(manifest).toMatch(/<FunctionName>appendix<\/FunctionName>/);
    expect(manifest).toContain('DefaultValue="https://localhost:3000/commands.html"');
  });

  test("one pane, one URL (issue 22, item 4): every ShowTaskpane action opens Taskpane.Url, no query", () => {
    const actions = [...manifest.matchAll(/<Action xsi:type="ShowTaskpane">([\s\S]*?)<\/Action>/g)].map(
      (m) => /<SourceLocation resid="([^"]+)"\/>/.exec(m[1])?.[1],
    );
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(actions)).toEqual(new Set(["Taskpane.Url"]));
    const urls = [...manifest.matchAll(/<bt:Url id="[^"]+" DefaultValue="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(urls.filter((u) => u.includes("taskpane.html"))).toEqual(["https://localhost:3000/taskpane.html"]);
    // Lập phụ lục asks the pane for its view through a command instead.
    expect(manifest).toMatch(
      /<Control xsi:type="Button" id="Phuluc.Appendix">[\s\S]*?<Action xsi:type="ExecuteFunction">\s*<FunctionName>appendix<\/FunctionName>/,
    );
  });

  test("the real floor: ExcelApi 1.9 (hosts with a modern webview) and dialogs, nothing newer", () => {
    const sets = [...manifest.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"/g)].map(
      (m) => `${m[1]} ${m[2]}`,
    );
    expect(sets).toEqual(["ExcelApi 1.9", "DialogApi 1.1"]);
  });

  test("every icon named exists in assets/ as a PNG of its declared size, not blank", () => {
    const images = [
      ...manifest.matchAll(
        /<bt:Image id="[^"]+\.(\d+)" DefaultValue="https:\/\/localhost:3000\/(assets\/[^"]+)"/g,
      ),
    ];
    expect(images.length).toBe(12);
    const logos = [
      ...manifest.matchAll(
        /Icon(?:Url)? DefaultValue="https:\/\/localhost:3000\/(assets\/logo-(\d+)\.png)"/g,
      ),
    ];
    expect(logos.length).toBe(2);
    const all = [
      ...images.map((m) => [m[2], Number(m[1])] as const),
      ...logos.map((m) => [m[1], Number(m[2])] as const),
    ];
    for (const [rel, size] of all) {
      const png = fs.readFileSync(path.join(root, rel));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect([rel, png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([rel, size, size]);
      // Not blank: a decoded image has both green and white pixels.
      const { pixels } = decodeRgba(png);
      const colours = new Set<string>();
      for (let i = 0; i < pixels.length; i += 4)
        if (pixels[i + 3] === 255) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
      expect(colours.has("255,255,255")).toBe(true);
      expect(colours.has("16,124,65")).toBe(true);
    }
  });
});

/** Decodes the simple PNGs scripts/make-icons.js writes (RGBA, 8 bit, filter 0). */
function decodeRgba(png: Buffer): { pixels: Buffer } {
  const zlib = require("zlib") as typeof import("zlib");
  const width = png.readUInt32BE(16);
  const idat: Buffer[] = [];
  let o = 8;
  while (o < png.length) {
    const len = png.readUInt32BE(o);
    const type = png.subarray(o + 4, o + 8).toString("ascii");
    if (type === "IDAT") idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 4 + 1;
  const rows: Buffer[] = [];
  for (let y = 0; y * stride < raw.length; y++) {
    expect(raw[y * stride]).toBe(0);
    rows.push(raw.subarray(y * stride + 1, (y + 1) * stride));
  }
  return { pixels: Buffer.concat(rows) };
}

describe("PHULUC_URL", () => {
  test("rewrites every https://localhost:3000 URL of the manifest for an intranet server, and it still validates", () => {
    const { rewriteManifest } = require(path.join(root, "webpack.config.js")) as {
      rewriteManifest: (b: Buffer) => string;
    };
    process.env.PHULUC_URL = "https://may-chu.xa.gov.vn/phuluc";
    try {
      const out = rewriteManifest(Buffer.from(manifest));
      expect(out).not.toContain("localhost");
      expect(out).toContain(
        '<SourceLocation DefaultValue="https://may-chu.xa.gov.vn/phuluc/taskpane.html"/>',
      );
      expect(out).toContain(
        '<bt:Image id="Check.16" DefaultValue="https://may-chu.xa.gov.vn/phuluc/assets/check-16.png"/>',
      );
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-manifest-")), "manifest.xml");
      fs.writeFileSync(file, out);
      expect(validate(file).status).toBe(0);
    } finally {
      delete process.env.PHULUC_URL;
    }
  });
});
