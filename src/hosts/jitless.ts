// zod probes `new Function` to decide on JIT; the pages' Content-Security-Policy forbids eval, so say no up front
// (no CSP violation report). Imported first by every browser entry.
import { z } from "zod";

z.config({ jitless: true });
