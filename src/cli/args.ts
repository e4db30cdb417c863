// Argument parsing shared by every command: one spec per command, a clear Vietnamese message on any misuse.
import { UserError } from "./io";

export type OptionType = "string" | "number" | "boolean";

export interface OptionSpec {
  type: OptionType;
  /** One-letter alias, without the dash: "o" for `-o`. */
  short?: string;
  /** Allowed values of a string option. */
  choices?: readonly string[];
  /** Value when the option is absent (booleans default to false). */
  default?: string | number;
}

export interface ArgsSpec {
  /** Command name, used in messages ("check"). */
  command: string;
  options: Record<string, OptionSpec>;
  /** Names of the positional arguments, in order, for messages (e.g. ["file.xlsx"]). */
  positionals?: readonly string[];
  /** How many positionals are required (default: all of them). */
  minPositionals?: number;
}

type FlagValue<S extends OptionSpec> = S["type"] extends "boolean"
  ? boolean
  : S["type"] extends "number"
    ? number | undefined
    : string | undefined;

export type Flags<O extends Record<string, OptionSpec>> = { [K in keyof O]: FlagValue<O[K]> };

export interface ParsedArgs<O extends Record<string, OptionSpec>> {
  flags: Flags<O>;
  positionals: string[];
}

/** Reads "12", "0.5" or "0,5" (Vietnamese decimal comma); anything else is not a number. */
export function parseNumberArg(text: string): number | undefined {
  const t = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(",", "."));
}

/**
 * Parses `args` against `spec`: `--name value`, `--name=value`, `-o value`, boolean `--flag`, and `--` to end the
 * options. Throws UserError (Vietnamese) on an unknown option, a missing or invalid value, or a wrong number of
 * positional arguments.
 */
export function parseArgs<O extends Record<string, OptionSpec>>(
  args: readonly string[],
  spec: ArgsSpec & { options: O },
): ParsedArgs<O> {
  const flags: Record<string, string | number | boolean | undefined> = {};
  for (const [name, opt] of Object.entries(spec.options)) {
    flags[name] = opt.type === "boolean" ? false : opt.default;
  }
  const shortNames: Record<string, string> = {};
  for (const [name, opt] of Object.entries(spec.options)) if (opt.short) shortNames[opt.short] = name;

  const positionals: string[] = [];
  const usage = `phuluc ${spec.command}`;
  let onlyPositionals = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyPositionals || !arg.startsWith("-") || arg === "-" || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      if (!(name in spec.options)) throw new UserError(`${usage}: tùy chọn không hợp lệ: --${name}`);
    } else {
      const letter = arg.slice(1);
      name = shortNames[letter];
      if (!name) throw new UserError(`${usage}: tùy chọn không hợp lệ: ${arg}`);
    }
    const opt = spec.options[name];
    const shown = arg.startsWith("--") ? `--${name}` : arg;
    if (opt.type === "boolean") {
      if (inline !== undefined) throw new UserError(`${usage}: tùy chọn ${shown} không nhận giá trị`);
      flags[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith("--") && next.length > 2)) {
        throw new UserError(`${usage}: thiếu giá trị cho tùy chọn ${shown}`);
      }
      value = next;
      i++;
    }
    if (opt.type === "number") {
      const n = parseNumberArg(value);
      if (n === undefined) throw new UserError(`${usage}: giá trị của ${shown} phải là một số: "${value}"`);
      flags[name] = n;
    } else {
      if (opt.choices && !opt.choices.includes(value)) {
        throw new UserError(
          `${usage}: giá trị của ${shown} phải là một trong: ${opt.choices.join(", ")} (nhận được "${value}")`,
        );
      }
      flags[name] = value;
    }
  }

  const names = spec.positionals ?? [];
  const min = spec.minPositionals ?? names.length;
  if (positionals.length < min) {
    throw new UserError(`${usage}: thiếu tham số <${names[positionals.length] ?? "tham số"}>`);
  }
  if (positionals.length > names.length) {
    throw new UserError(`${usage}: thừa tham số: ${positionals.slice(names.length).join(" ")}`);
  }
  return { flags: flags as Flags<O>, positionals };
}

/** The `--lang` option every command takes. */
export const LANG_OPTION = {
  type: "string",
  choices: ["vi", "en"],
  default: "vi",
} as const satisfies OptionSpec;
export const SHEET_OPTION = { type: "string" } as const satisfies OptionSpec;
export const FORMAT_OPTION = {
  type: "string",
  choices: ["text", "json"],
  default: "text",
} as const satisfies OptionSpec;
