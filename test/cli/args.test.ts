import { parseArgs, parseNumberArg, LANG_OPTION, SHEET_OPTION, FORMAT_OPTION } from "../../src/cli/args";
import { UserError } from "../../src/cli/io";

const spec = {
  command: "fix",
  options: {
    out: { type: "string", short: "o" },
    sheet: SHEET_OPTION,
    format: FORMAT_OPTION,
    lang: LANG_OPTION,
    "in-place": { type: "boolean" },
    reduce: { type: "number" },
  },
  positionals: ["in.xlsx"],
} as const;

describe("parseArgs", () => {
  it("reads long, short, inline and boolean options and positionals", () => {
    const { flags, positionals } = parseArgs(
      ["a.xlsx", "-o", "b.xlsx", "--sheet=Phụ lục 1", "--in-place", "--reduce", "0,5"],
      spec,
    );
    expect(positionals).toEqual(["a.xlsx"]);
    expect(flags.out).toBe("b.xlsx");
    expect(flags.sheet).toBe("Phụ lục 1");
    expect(flags["in-place"]).toBe(true);
    expect(flags.reduce).toBe(0.5);
    expect(flags.lang).toBe("vi");
    expect(flags.format).toBe("text");
  });

  it("leaves booleans false and strings undefined when absent", () => {
    const { flags } = parseArgs(["a.xlsx"], spec);
    expect(flags["in-place"]).toBe(false);
    expect(flags.out).toBeUndefined();
  });

  it("accepts a negative number as a value and `--` before a dash-named file", () => {
    expect(parseArgs(["a.xlsx", "--reduce", "-3"], spec).flags.reduce).toBe(-3);
    expect(parseArgs(["--", "-weird.xlsx"], spec).positionals).toEqual(["-weird.xlsx"]);
  });

  it.each([
    [["a.xlsx", "--bogus"], /tùy chọn không hợp lệ: --bogus/],
    [["a.xlsx", "-x"], /tùy chọn không hợp lệ: -x/],
    [["a.xlsx", "-o"], /thiếu giá trị cho tùy chọn -o/],
    [["a.xlsx", "--sheet", "--lang", "en"], /thiếu giá trị cho tùy chọn --sheet/],
    [["a.xlsx", "--format", "xml"], /phải là một trong: text, json/],
    [["a.xlsx", "--reduce", "nhiều"], /phải là một số/],
    [["a.xlsx", "--in-place=yes"], /không nhận giá trị/],
    [[], /thiếu tham số <in.xlsx>/],
    [["a.xlsx", "b.xlsx"], /thừa tham số: b.xlsx/],
  ])("rejects %j with a Vietnamese UserError", (args, message) => {
    expect(() => parseArgs(args, spec)).toThrow(UserError);
    expect(() => parseArgs(args, spec)).toThrow(message);
  });
});

describe("parseNumberArg", () => {
  it("reads dot and comma decimals, rejects the rest", () => {
    expect(parseNumberArg("45")).toBe(45);
    expect(parseNumberArg("0.5")).toBe(0.5);
    expect(parseNumberArg("0,5")).toBe(0.5);
    expect(parseNumberArg("1.2.3")).toBeUndefined();
    expect(parseNumberArg("abc")).toBeUndefined();
  });
});
