// Runs the CLI's main() in-process with captured output, from the repository root.
import * as path from "path";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

export const ROOT = path.resolve(__dirname, "..", "..");
export const SAMPLES = path.join(ROOT, "samples");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd = ROOT): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = { out: (t) => (stdout += t), err: (t) => (stderr += t), cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** One line, no stack trace: what a user must see when a file cannot be used. */
export function expectOneLineError(result: CliResult): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  // "phuluc: …" or "phuluc <command>: …", never both ("phuluc: phuluc fix: …").
  expect(result.stderr).toMatch(/^phuluc( [a-z]+)?: /);
  expect(result.stderr).not.toMatch(/^phuluc: phuluc\b/);
}
