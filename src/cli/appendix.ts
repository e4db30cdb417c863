// Placeholder until the command is written.
import { CliIO, UserError } from "./io";

export async function run(_args: string[], _io: CliIO): Promise<number> {
  throw new UserError("lệnh 'appendix' chưa được cài đặt");
}
