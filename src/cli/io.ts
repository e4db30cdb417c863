// What a command may touch of the outside world; tests pass their own.
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

/** A failure the user caused (unreadable file, bad arguments): one line on stderr, exit 2, no stack trace. */
export class UserError extends Error {}
